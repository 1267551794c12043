#include "actors/ticket/customer_status.hpp"

namespace sb::ticket {
namespace {

StatusText stage_text(const State& s) {
  switch (s.status) {
    case Status::none:
      return {"没有找到这张工单。", "We could not find this ticket."};
    case Status::new_ticket:
      if (s.escalation_level > 0) {
        return {"已收到，并已升级由资深团队优先处理。",
                "has been received and escalated to a senior team."};
      }
      return {"已收到，正在等待客服处理。", "has been received and is waiting for an agent."};
    case Status::open:
      if (s.escalation_level > 0) {
        return {"已升级，资深团队正在优先处理。",
                "has been escalated and a senior team is working on it."};
      }
      return {"客服正在处理中。", "is being worked on by an agent."};
    case Status::pending_customer:
      return {"正在等待您的回复，请回复我们的最新消息。",
              "is waiting for your reply; please answer our latest message."};
    case Status::resolved:
      return {"已解决。如果问题仍未解决，直接回复即可重新打开。",
              "has been resolved. If the problem persists, just reply to reopen it."};
    case Status::closed:
      return {"已关闭。如需帮助，请发起新的咨询。",
              "is closed. If you need more help, please start a new request."};
  }
  return {"状态未知。", "is in an unknown state."};
}

}  // namespace

StatusText customer_status_text(const State& state) {
  StatusText stage = stage_text(state);
  if (state.status == Status::none) return stage;
  return {"您的工单 " + state.ticket_id + " " + stage.zh,
          "Your ticket " + state.ticket_id + " " + stage.en};
}

}  // namespace sb::ticket
