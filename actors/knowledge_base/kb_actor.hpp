#pragma once
// The knowledge-base entity actor: the generic host around the knowledge-base core, plus reading
// a version's content back from the log (the state keeps only where its chunks are).
//
// Protocol, besides the host's (command, get):
//   (kb_content, uint32 version) -> std::string content | error   (version >= 1)

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/atom.hpp>

#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::knowledge_base {

using content_atom = caf::atom_constant<caf::atom("kbcontent")>;

inline const runtime::EntityKey kKnowledgeBaseKey{EntityKind::knowledge_base, "default"};

caf::actor spawn_knowledge_base(caf::actor_system& system, const runtime::EntityKey& key,
                                runtime::EntityContext context);

}  // namespace sb::knowledge_base
