#include "actors/knowledge_base/kb_codec.hpp"

#include "actors/codec/capnp_bytes.hpp"
#include "actors/common/overloaded.hpp"
#include "schemas/knowledge_base.capnp.h"

namespace sb::knowledge_base {
namespace {

namespace wire = schema::knowledge_base;
using codec::text;

void write_event(wire::KnowledgeBaseEvent::Builder out, const Event& event) {
  std::visit(Overloaded{
                 [&](const KnowledgeBaseImported& e) {
                   auto w = out.initImported();
                   w.setVersion(e.version);
                   w.setSha256(e.sha256);
                   w.setBytes(e.bytes);
                   w.setIntents(e.intents);
                   w.setExamples(e.examples);
                   w.setChunks(e.chunks);
                   w.setBy(e.by);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const KnowledgeBaseChunk& e) {
                   auto w = out.initChunk();
                   w.setVersion(e.version);
                   w.setIndex(e.index);
                   w.setBytes(codec::as_data(e.bytes));
                 },
                 [&](const KnowledgeBaseRolledBack& e) {
                   auto w = out.initRolledBack();
                   w.setFromVersion(e.from_version);
                   w.setToVersion(e.to_version);
                   w.setBy(e.by);
                   w.setAtMs(to_unix_ms(e.at));
                 },
             },
             event);
}

Expected<Event, std::string> read_event(wire::KnowledgeBaseEvent::Reader e) {
  switch (e.which()) {
    case wire::KnowledgeBaseEvent::IMPORTED: {
      auto r = e.getImported();
      return Event{KnowledgeBaseImported{r.getVersion(), text(r.getSha256()), r.getBytes(),
                                         r.getIntents(), r.getExamples(), r.getChunks(),
                                         text(r.getBy()), from_unix_ms(r.getAtMs())}};
    }
    case wire::KnowledgeBaseEvent::CHUNK: {
      auto r = e.getChunk();
      return Event{KnowledgeBaseChunk{r.getVersion(), r.getIndex(), codec::data(r.getBytes())}};
    }
    case wire::KnowledgeBaseEvent::ROLLED_BACK: {
      auto r = e.getRolledBack();
      return Event{KnowledgeBaseRolledBack{r.getFromVersion(), r.getToVersion(), text(r.getBy()),
                                           from_unix_ms(r.getAtMs())}};
    }
  }
  return unexpected(std::string("unknown knowledge-base event type (written by a newer version?)"));
}

}  // namespace

std::string Codec::encode_event(const Event& event) {
  capnp::MallocMessageBuilder message;
  write_event(message.initRoot<wire::KnowledgeBaseEvent>(), event);
  return codec::to_bytes(message);
}

Expected<Event, std::string> Codec::decode_event(std::string_view bytes) {
  return codec::read_message<wire::KnowledgeBaseEvent>(bytes, "knowledge-base event", read_event);
}

std::string Codec::encode_state(const State& state) {
  capnp::MallocMessageBuilder message;
  auto out = message.initRoot<wire::KnowledgeBaseState>();
  auto versions = out.initVersions(static_cast<unsigned>(state.versions.size()));
  for (unsigned i = 0; i < state.versions.size(); ++i) {
    const auto& v = state.versions[i];
    auto w = versions[i];
    w.setVersion(v.version);
    w.setSha256(v.sha256);
    w.setBytes(v.bytes);
    w.setIntents(v.intents);
    w.setExamples(v.examples);
    w.setImportedBy(v.imported_by);
    w.setAtMs(to_unix_ms(v.at));
    w.setFirstChunkEvent(v.first_chunk_event);
    w.setLastChunkEvent(v.last_chunk_event);
  }
  out.setCurrent(state.current);
  out.setEvents(state.events);
  return codec::to_bytes(message);
}

Expected<State, std::string> Codec::decode_state(std::string_view bytes) {
  return codec::read_message<wire::KnowledgeBaseState>(
      bytes, "knowledge-base state",
      [](wire::KnowledgeBaseState::Reader in) -> Expected<State, std::string> {
        State state;
        for (auto r : in.getVersions()) {
          state.versions.push_back(VersionInfo{r.getVersion(), text(r.getSha256()), r.getBytes(),
                                               r.getIntents(), r.getExamples(),
                                               text(r.getImportedBy()), from_unix_ms(r.getAtMs()),
                                               r.getFirstChunkEvent(), r.getLastChunkEvent()});
        }
        state.current = in.getCurrent();
        state.events = in.getEvents();
        return state;
      });
}

}  // namespace sb::knowledge_base
