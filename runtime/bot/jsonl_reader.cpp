#include "runtime/bot/jsonl_reader.hpp"

#include <algorithm>
#include <fstream>

#include "actors/common/text.hpp"

namespace sb::bot {
namespace {

std::string in_quotes(std::string_view key) { return "\"" + std::string(key) + "\""; }

std::string_view strip_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

std::string LineError::to_string() const {
  if (line == 0) return message;
  return "line " + std::to_string(line) + ": " + message;
}

Expected<std::size_t, LineError> for_each_jsonl_object(std::string_view text,
                                                       const JsonlRecordHandler& handle) {
  if (text.size() > kJsonlFileBytesMax) {
    return unexpected(LineError{0, "file is " + std::to_string(text.size()) +
                                       " bytes; the limit is " +
                                       std::to_string(kJsonlFileBytesMax)});
  }
  std::size_t records = 0;
  std::size_t line_no = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    ++line_no;
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    const std::string_view line = strip_cr(text.substr(start, end - start));
    start = end + 1;
    if (!is_valid_utf8(line)) return unexpected(LineError{line_no, "not valid UTF-8"});
    if (is_blank_or_comment(line)) continue;
    if (line.size() > kJsonlLineBytesMax) {
      return unexpected(LineError{line_no, "line is " + std::to_string(line.size()) +
                                               " bytes; the limit is " +
                                               std::to_string(kJsonlLineBytesMax)});
    }
    if (records == kJsonlRecordsMax) {
      return unexpected(
          LineError{line_no, "more than " + std::to_string(kJsonlRecordsMax) + " records"});
    }
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      return unexpected(LineError{line_no, std::string("not valid JSON: ") + e.what()});
    }
    if (!record.is_object()) return unexpected(LineError{line_no, "not a JSON object"});
    try {
      handle(line_no, record);
    } catch (const FieldError& e) {
      return unexpected(LineError{line_no, e.message});
    } catch (const nlohmann::json::exception& e) {
      return unexpected(LineError{line_no, e.what()});
    }
    ++records;
  }
  return records;
}

Expected<std::string, LineError> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return unexpected(LineError{0, "cannot open " + path});
  const std::streamoff size = in.tellg();
  if (size < 0) return unexpected(LineError{0, "cannot read " + path});
  if (static_cast<std::size_t>(size) > kJsonlFileBytesMax) {
    return unexpected(LineError{0, path + " is " + std::to_string(size) + " bytes; the limit is " +
                                       std::to_string(kJsonlFileBytesMax)});
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  in.read(text.data(), size);
  if (in.gcount() != size) return unexpected(LineError{0, "cannot read " + path});
  return text;
}

const nlohmann::json& require_field(const nlohmann::json& record, std::string_view key) {
  const auto it = record.find(key);
  if (it == record.end()) throw FieldError{"missing field " + in_quotes(key)};
  return *it;
}

std::string require_string(const nlohmann::json& record, std::string_view key) {
  const auto& value = require_field(record, key);
  if (!value.is_string()) throw FieldError{"field " + in_quotes(key) + " must be a string"};
  return value.get<std::string>();
}

bool require_bool(const nlohmann::json& record, std::string_view key) {
  const auto& value = require_field(record, key);
  if (!value.is_boolean()) throw FieldError{"field " + in_quotes(key) + " must be true or false"};
  return value.get<bool>();
}

std::vector<std::string> require_string_array(const nlohmann::json& record, std::string_view key) {
  const auto& value = require_field(record, key);
  if (!value.is_array())
    throw FieldError{"field " + in_quotes(key) + " must be an array of strings"};
  std::vector<std::string> out;
  for (const auto& item : value) {
    if (!item.is_string()) {
      throw FieldError{"field " + in_quotes(key) + " must be an array of strings"};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

Localized require_localized(const nlohmann::json& record, std::string_view key) {
  const auto& value = require_field(record, key);
  if (!value.is_object()) {
    throw FieldError{"field " + in_quotes(key) + " must be an object {\"zh\": ..., \"en\": ...}"};
  }
  Localized out;
  for (const auto& [language, text] : {std::pair{"zh", &out.zh}, std::pair{"en", &out.en}}) {
    const auto it = value.find(language);
    if (it == value.end() || !it->is_string() || it->get<std::string>().empty()) {
      throw FieldError{"field " + in_quotes(key) + " needs a non-empty \"" + language + "\" text"};
    }
    *text = it->get<std::string>();
  }
  return out;
}

void reject_unknown_fields(const nlohmann::json& record, std::span<const std::string_view> known) {
  for (const auto& [key, value] : record.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      throw FieldError{"unknown field " + in_quotes(key)};
    }
  }
}

}  // namespace sb::bot
