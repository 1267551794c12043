@0xfccf7d1f3840b31c;
# A trained bot model (the intent classifier) cached on disk, so that a node starts without
# training it again (runtime/bot/model_codec.*). A cache, not a record: a file is read only by
# the build that wrote its format version (kBotModelFormatVersion, in the file's header), and
# any change here bumps that version; an older file is trained again and replaced.
#
# The large arrays are Data holding little-endian values (copied out in one go rather than
# element by element): Float32 for weights and idf, UInt32 for buckets and starts, Int32 for
# labels, and (UInt32 example, Float32 value) pairs for postings.

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema::bot_model");

enum Synonyms {
  none @0;
  shipped @1;  # the lexicon built into the library (config/kb/synonyms.jsonl)
}

# ClassifierOptions (runtime/bot/intent_classifier.hpp) and the options inside it.
struct ClassifierOptions {
  stem @0 :Bool;
  foldDigits @1 :Bool;
  synonyms @2 :Synonyms;
  wordNgramMax @3 :UInt32;
  charNgramMin @4 :UInt32;
  charNgramMax @5 :UInt32;
  hashBits @6 :UInt32;
  minDocumentFrequency @7 :UInt64;
  groupWeight @8 :List(Float64);
  loss @9 :UInt8;  # LinearLoss
  c @10 :Float64;
  epsilon @11 :Float64;
  trainingThreads @12 :UInt32;
  softmaxScale @13 :Float64;
  oosThreshold @14 :Float64;
  oosRecallTarget @15 :Float64;
  neighbourWeight @16 :Float64;
  neighbourSharpness @17 :Float64;
  commonFeatureShareMax @18 :Float64;
}

struct Vectorizer {
  buckets @0 :Data;  # UInt32 per feature id: the hash bucket it stands for, ascending
  idf @1 :Data;      # Float32 per feature id
}

struct LinearModel {
  classCount @0 :UInt32;
  weights @1 :Data;  # Float32, [feature][class]
  bias @2 :Data;     # Float32, [class]
}

struct NearestExamples {
  classCount @0 :UInt32;
  labels @1 :Data;         # Int32 per example
  postingsStart @2 :Data;  # UInt32 per feature id, plus one end
  postings @3 :Data;       # (UInt32 example, Float32 value) pairs
}

# A text classified when the model was saved, with every intent ranked as classify() gave them:
# loading classifies it again and expects the same bits, so a model saved by a build that
# tokenized or scored differently is trained again instead of answering differently.
struct Probe {
  text @0 :Text;
  intents @1 :List(Text);
  confidences @2 :List(Float64);
}

struct BotModel {
  options @0 :ClassifierOptions;
  classes @1 :List(Text);  # sorted; "oos" is the out-of-scope class
  vectorizer @2 :Vectorizer;
  linearModel @3 :LinearModel;
  neighbours @4 :NearestExamples;
  softmaxScale @5 :Float64;
  oosThreshold @6 :Float64;
  probes @7 :List(Probe);
}
