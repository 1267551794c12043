#pragma once
// The bot's own sentences (not from the KB): not understood, handing off, looking up, not found.
// Kept together so their tone is reviewed in one place.

#include "runtime/bot/handoff_policy.hpp"
#include "runtime/bot/language.hpp"

namespace sb::bot {

extern const Localized kNotUnderstoodReply;
extern const Localized kHandoffReply;
extern const Localized kLookingUpReply;
extern const Localized kNotFoundReply;  // "{key}" is the number that was looked up

// How a reason reads in the agent's one-line summary.
const Localized& describe(HandoffReason reason);

}  // namespace sb::bot
