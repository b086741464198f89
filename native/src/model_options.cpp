#include "model_options.h"

#include <sstream>

#include "error.h"

namespace mm {

namespace {
std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool parse_integer(const std::string& text, int64_t& value) {
  try {
    size_t used = 0;
    value = std::stoll(text, &used);
    return used == text.size();
  } catch (...) {
    return false;
  }
}
}  // namespace

ModelOptions::ModelOptions(const std::string& architecture, const char* text) : architecture_(architecture) {
  std::stringstream stream(text == nullptr ? "" : text);
  std::string item;
  while (std::getline(stream, item, ';')) {
    item = trim(item);
    if (item.empty()) continue;
    const auto equals = item.find('=');
    if (equals == std::string::npos) {
      throw InvalidArgument("model option '" + item + "' for architecture '" + architecture_ + "' has no '=value'");
    }
    const auto key = trim(item.substr(0, equals));
    if (values_.count(key) != 0) {
      throw InvalidArgument("model option '" + key + "' is given twice for architecture '" + architecture_ + "'");
    }
    values_[key] = trim(item.substr(equals + 1));
  }
}

void ModelOptions::fail(const std::string& key, const std::string& value, const std::string& expected) const {
  throw InvalidArgument("model option '" + key + "' for architecture '" + architecture_ + "' is '" + value +
                        "': expected " + expected);
}

int64_t ModelOptions::integer(const std::string& key, int64_t fallback, int64_t min, int64_t max) {
  known_.insert(key);
  const auto found = values_.find(key);
  if (found == values_.end()) return fallback;
  int64_t value = 0;
  if (!parse_integer(found->second, value) || value < min || value > max) {
    fail(key, found->second, "an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
  }
  return value;
}

double ModelOptions::real(const std::string& key, double fallback, double min, double max) {
  known_.insert(key);
  const auto found = values_.find(key);
  if (found == values_.end()) return fallback;
  double value = 0;
  try {
    size_t used = 0;
    value = std::stod(found->second, &used);
    if (used != found->second.size()) throw std::invalid_argument("trailing characters");
  } catch (...) {
    fail(key, found->second, "a number");
  }
  if (!(value >= min && value <= max)) {
    fail(key, found->second, "a number in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
  }
  return value;
}

std::vector<int64_t> ModelOptions::integers(const std::string& key, const std::vector<int64_t>& fallback, int64_t min,
                                            int64_t max) {
  known_.insert(key);
  const auto found = values_.find(key);
  if (found == values_.end()) return fallback;
  std::vector<int64_t> result;
  std::stringstream stream(found->second);
  std::string item;
  while (std::getline(stream, item, ',')) {
    int64_t value = 0;
    if (!parse_integer(trim(item), value) || value < min || value > max) {
      fail(key, found->second,
           "a comma-separated list of integers in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    }
    result.push_back(value);
  }
  if (result.empty()) fail(key, found->second, "at least one integer");
  return result;
}

void ModelOptions::reject_unknown() const {
  for (const auto& entry : values_) {
    if (known_.count(entry.first) != 0) continue;
    std::string valid;
    for (const auto& key : known_) valid += (valid.empty() ? "" : ", ") + key;
    throw InvalidArgument("unknown model option '" + entry.first + "' for architecture '" + architecture_ +
                          "' (valid options: " + valid + ")");
  }
}

}  // namespace mm
