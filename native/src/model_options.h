// Parses a model's "key=value;key=value" option string and remembers which keys were read, so that a
// misspelled or unknown key is reported instead of silently ignored.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace mm {

class ModelOptions {
 public:
  ModelOptions(const std::string& architecture, const char* text);

  int64_t integer(const std::string& key, int64_t fallback, int64_t min, int64_t max);
  double real(const std::string& key, double fallback, double min, double max);
  std::vector<int64_t> integers(const std::string& key, const std::vector<int64_t>& fallback, int64_t min,
                                int64_t max);

  // Throws InvalidArgument naming the first key that no accessor asked for.
  void reject_unknown() const;

 private:
  [[noreturn]] void fail(const std::string& key, const std::string& value, const std::string& expected) const;

  std::string architecture_;
  std::map<std::string, std::string> values_;
  mutable std::set<std::string> known_;
};

}  // namespace mm
