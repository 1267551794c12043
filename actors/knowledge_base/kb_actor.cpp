#include "actors/knowledge_base/kb_actor.hpp"

#include "actors/knowledge_base/kb_codec.hpp"
#include "actors/knowledge_base/kb_decider.hpp"
#include "runtime/entity/entity_host.hpp"

namespace sb::knowledge_base {
namespace {

using KnowledgeBaseActor = runtime::EntityActor<Decider, Codec>;

// The chunks of `info`, in order, joined; an error when the log does not hold exactly them.
Expected<std::string, std::string> assemble(const VersionInfo& info,
                                            const std::vector<runtime::EventRecord>& records) {
  std::string content;
  content.reserve(info.bytes);
  std::uint32_t next = 0;
  for (const auto& record : records) {
    auto event = Codec::decode_event(record.payload);
    if (!event) return unexpected(event.error());
    const auto* chunk = std::get_if<KnowledgeBaseChunk>(&*event);
    if (!chunk || chunk->version != info.version || chunk->index != next++) {
      return unexpected("event " + std::to_string(record.version) + " is not chunk " +
                        std::to_string(next - 1) + " of version " + std::to_string(info.version));
    }
    content += chunk->bytes;
  }
  if (content.size() != info.bytes)
    return unexpected(std::string("the chunks do not add up to the version's size"));
  return content;
}

caf::result<std::string> read_content(KnowledgeBaseActor* self, std::uint32_t version) {
  const auto* info = find_version(self->state.model, version);
  if (!info) {
    return runtime::make_runtime_error(runtime::RuntimeErrc::entity_unavailable,
                                       "no knowledge-base version " + std::to_string(version));
  }
  auto promise = self->make_response_promise<std::string>();
  const VersionInfo wanted = *info;
  const auto& st = self->state;
  self->request(st.context.reader, st.context.options.recover_timeout, runtime::read_atom::value,
                st.key, wanted.first_chunk_event - 1, wanted.last_chunk_event)
      .then(
          [promise, wanted](std::vector<runtime::EventRecord>& records) mutable {
            auto content = assemble(wanted, records);
            if (!content) {
              promise.deliver(runtime::make_runtime_error(runtime::RuntimeErrc::journal_corruption,
                                                          "knowledge-base version " +
                                                              std::to_string(wanted.version) +
                                                              ": " + content.error()));
              return;
            }
            promise.deliver(std::move(*content));
          },
          [promise](caf::error& error) mutable { promise.deliver(std::move(error)); });
  return promise;
}

}  // namespace

caf::actor spawn_knowledge_base(caf::actor_system& system, const runtime::EntityKey& key,
                                runtime::EntityContext context) {
  return system.spawn([key, context](KnowledgeBaseActor* self) {
    return runtime::entity_behavior<Decider, Codec>(
        self, key, context,
        [self](content_atom, std::uint32_t version) { return read_content(self, version); });
  });
}

}  // namespace sb::knowledge_base
