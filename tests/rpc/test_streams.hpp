#pragma once
// Streams for driving an interactive terminal client from a test: input the test feeds line by
// line (reads block until a line or close()), and output the test can read while it is written.

#include <condition_variable>
#include <istream>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>

namespace sb::rpc::test {

class FeedInput : private std::streambuf, public std::istream {
 public:
  FeedInput() : std::istream(static_cast<std::streambuf*>(this)) {}

  void feed(const std::string& line) {
    {
      std::lock_guard lock(mutex_);
      pending_ += line + "\n";
    }
    ready_.notify_all();
  }
  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

 private:
  std::streambuf::int_type underflow() override {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return closed_ || !pending_.empty(); });
    if (pending_.empty()) return std::streambuf::traits_type::eof();
    current_.swap(pending_);
    pending_.clear();
    setg(current_.data(), current_.data(), current_.data() + current_.size());
    return std::streambuf::traits_type::to_int_type(current_[0]);
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::string pending_;
  std::string current_;  // owned by the reading thread once swapped in
  bool closed_ = false;
};

class SharedOutput : private std::streambuf, public std::ostream {
 public:
  SharedOutput() : std::ostream(static_cast<std::streambuf*>(this)) {}

  std::string text() const {
    std::lock_guard lock(mutex_);
    return text_;
  }
  bool contains(const std::string& wanted) const {
    return text().find(wanted) != std::string::npos;
  }

 private:
  std::streambuf::int_type overflow(std::streambuf::int_type c) override {
    if (std::streambuf::traits_type::eq_int_type(c, std::streambuf::traits_type::eof()))
      return std::streambuf::traits_type::not_eof(c);
    std::lock_guard lock(mutex_);
    text_.push_back(std::streambuf::traits_type::to_char_type(c));
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::lock_guard lock(mutex_);
    text_.append(s, static_cast<std::size_t>(n));
    return n;
  }

  mutable std::mutex mutex_;
  std::string text_;
};

}  // namespace sb::rpc::test
