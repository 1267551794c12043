#pragma once
// Merging and unmerging customers at runtime. Each customer records its own side of a merge
// (CustomersMerged / CustomerUnmerged on both), so the survivor's actor runs the two writes as a
// small saga: merge writes the absorbed side first, unmerge the survivor's. Both read the other
// side before writing and skip a side already done, so a call that failed half-way (a crash, a
// timeout) completes when it is repeated; only a call with nothing left to do is refused
// (already_merged / not_merged). The other side's replies are awaited: the survivor handles
// nothing else meanwhile, so a message that arrives during a merge waits for it.

#include <functional>
#include <optional>
#include <string>

#include "actors/customer/customer_host.hpp"

namespace sb::customer {

// The reply of the saga's last write, or the refusal.
using SagaDone = std::function<void(caf::expected<CustomerReply> reply)>;

void merge_into_self(CustomerActor* self, std::string absorbed_id, MergeReason reason, Timestamp at,
                     SagaDone done);
void unmerge_from_self(CustomerActor* self, std::string absorbed_id, Timestamp at, SagaDone done);

}  // namespace sb::customer
