#include "runtime/rpc/wire_error.hpp"

#include <string_view>

namespace sb::rpc {
namespace {

using service::ErrorCode;

// capnp prefixes exceptions that crossed the wire; the person reading the message needs ours.
constexpr std::string_view kRemotePrefix = "remote exception: ";

// service::to_string lives in sb_service, which this library must not link (it pulls in CAF).
std::string_view code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::rejected:
      return "rejected";
    case ErrorCode::permission_denied:
      return "permission_denied";
    case ErrorCode::overloaded:
      return "overloaded";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::internal:
      return "internal";
  }
  return "unknown";
}

}  // namespace

bool is_domain_error(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument:
    case ErrorCode::not_found:
    case ErrorCode::rejected:
    case ErrorCode::permission_denied:
      return true;
    case ErrorCode::overloaded:
    case ErrorCode::unavailable:
    case ErrorCode::internal:
      return false;
  }
  return false;
}

void to_wire(api::Error::Builder out, const service::ServiceError& error) {
  switch (error.code) {
    case ErrorCode::invalid_argument:
      out.setCode(api::ErrorCode::INVALID_ARGUMENT);
      break;
    case ErrorCode::not_found:
      out.setCode(api::ErrorCode::NOT_FOUND);
      break;
    case ErrorCode::rejected:
      out.setCode(api::ErrorCode::REJECTED);
      break;
    case ErrorCode::permission_denied:
      out.setCode(api::ErrorCode::PERMISSION_DENIED);
      break;
    case ErrorCode::overloaded:
    case ErrorCode::unavailable:
    case ErrorCode::internal:
      out.setCode(api::ErrorCode::UNSPECIFIED);  // never sent as data: see write_outcome
      break;
  }
  out.setMessage(to_text(error.message));
  out.setRejection(to_text(error.rejection));
}

service::ServiceError from_wire(api::Error::Reader error) {
  service::ServiceError result;
  result.message = to_string(error.getMessage());
  result.rejection = to_string(error.getRejection());
  switch (error.getCode()) {
    case api::ErrorCode::INVALID_ARGUMENT:
      result.code = ErrorCode::invalid_argument;
      break;
    case api::ErrorCode::NOT_FOUND:
      result.code = ErrorCode::not_found;
      break;
    case api::ErrorCode::REJECTED:
      result.code = ErrorCode::rejected;
      break;
    case api::ErrorCode::PERMISSION_DENIED:
    case api::ErrorCode::UNAUTHENTICATED:  // the message says which
      result.code = ErrorCode::permission_denied;
      break;
    case api::ErrorCode::UNSPECIFIED:
    default:  // a code newer than this build: treat as a refusal the person must read
      result.code = ErrorCode::rejected;
      break;
  }
  return result;
}

kj::Exception to_exception(const service::ServiceError& error) {
  auto type = kj::Exception::Type::FAILED;
  switch (error.code) {
    case ErrorCode::overloaded:
      type = kj::Exception::Type::OVERLOADED;
      break;
    case ErrorCode::unavailable:
      type = kj::Exception::Type::DISCONNECTED;
      break;
    case ErrorCode::invalid_argument:
    case ErrorCode::not_found:
    case ErrorCode::rejected:
    case ErrorCode::permission_denied:
    case ErrorCode::internal:
      break;
  }
  auto description = std::string(code_name(error.code)) + ": " + error.message;
  return kj::Exception(type, __FILE__, __LINE__,
                       kj::heapString(description.data(), description.size()));
}

service::ServiceError from_exception(const kj::Exception& exception) {
  service::ServiceError error;
  switch (exception.getType()) {
    case kj::Exception::Type::OVERLOADED:
      error.code = ErrorCode::overloaded;
      break;
    case kj::Exception::Type::DISCONNECTED:
      error.code = ErrorCode::unavailable;
      break;
    case kj::Exception::Type::FAILED:
    case kj::Exception::Type::UNIMPLEMENTED:
    default:
      error.code = ErrorCode::internal;
      break;
  }
  std::string_view description(exception.getDescription().cStr());
  if (description.starts_with(kRemotePrefix)) description.remove_prefix(kRemotePrefix.size());
  error.message = std::string(description);
  return error;
}

}  // namespace sb::rpc
