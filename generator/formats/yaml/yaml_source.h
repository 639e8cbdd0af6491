// Reading YAML with locations: every node read here yields a SourceLoc,
// unknown keys are errors with a "did you mean", and numbers are read from
// their text so that 1022.04 never passes through a binary float.
//
// The text is parsed by libyaml into a small read-only tree (YamlNode):
// maps keep their keys in file order, a duplicated key is an error, an
// alias refers to its anchor's node, and every node knows its line and its
// column in bytes (which is what the diagnostics' caret counts).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/decimal.h"
#include "base/diagnostics.h"

namespace jixiao {

struct YamlData;
struct YamlItem;
class YamlIterator;

// A handle on one node of a parsed file, valid while its YamlFile lives.
// A default-constructed handle, or a lookup that finds nothing, is
// undefined: `if (map["key"])` tests presence.
class YamlNode {
 public:
  YamlNode() = default;
  explicit YamlNode(const YamlData* d) : d_(d) {}

  explicit operator bool() const { return d_ != nullptr; }
  bool IsNull() const;  // `key:`, `key: ~`, `key: null`
  bool IsScalar() const;
  bool IsMap() const;
  bool IsSequence() const;
  // The text of a scalar; empty for anything else.
  const std::string& Scalar() const;
  // Entries of a map, elements of a sequence, else 0.
  size_t size() const;
  // The value under `key` of a map; undefined when absent or not a map.
  YamlNode operator[](std::string_view key) const;

  // Iterating a sequence gives its elements; iterating a map gives items
  // whose `first` is the key and `second` the value.
  YamlIterator begin() const;
  YamlIterator end() const;

  int Line() const;    // 1-based; 0 when unknown
  int Column() const;  // 1-based, in bytes

 private:
  const YamlData* d_ = nullptr;
};

struct YamlItem : YamlNode {
  YamlNode first, second;
};

class YamlIterator {
 public:
  YamlIterator(const YamlData* parent, size_t index) : parent_(parent), index_(index) { Fill(); }
  const YamlItem& operator*() const { return item_; }
  const YamlItem* operator->() const { return &item_; }
  YamlIterator& operator++() {
    ++index_;
    Fill();
    return *this;
  }
  bool operator==(const YamlIterator& o) const { return parent_ == o.parent_ && index_ == o.index_; }
  bool operator!=(const YamlIterator& o) const { return !(*this == o); }

 private:
  void Fill();
  const YamlData* parent_;
  size_t index_;
  YamlItem item_;
};

class YamlFile {
 public:
  // Throws InputError naming the file (missing, unreadable, bad syntax,
  // a duplicated key, aliases that expand past a sane size).
  static YamlFile Load(const std::string& path);
  // The same for text already in memory; `path` names it in messages.
  static YamlFile Parse(const std::string& path, std::string_view text);

  const std::string& path() const { return path_; }
  const YamlNode& root() const { return root_; }
  SourceLoc Loc(const YamlNode& n) const;

  // Reports keys of `map` not in `allowed`; returns false if any.
  bool CheckKeys(const YamlNode& map, std::initializer_list<const char*> allowed,
                 const std::string& indicator, Diagnostics& diags) const;
  // Required / optional scalars. A missing required key is reported at the
  // map and gives nullopt.
  std::optional<std::string> String(const YamlNode& map, const char* key, bool required,
                                    const std::string& indicator, Diagnostics& diags) const;
  std::optional<Decimal> Number(const YamlNode& map, const char* key, bool required,
                                const std::string& indicator, Diagnostics& diags) const;
  std::optional<Decimal> NumberOf(const YamlNode& scalar, const std::string& indicator,
                                  Diagnostics& diags) const;
  std::optional<bool> Bool(const YamlNode& map, const char* key, bool required,
                           const std::string& indicator, Diagnostics& diags) const;
  // A list of scalars, or a block of text; multi-line strings are kept.
  bool IsMap(const YamlNode& n, const std::string& what, const std::string& indicator,
             Diagnostics& diags) const;
  bool IsList(const YamlNode& n, const std::string& what, const std::string& indicator,
              Diagnostics& diags) const;

 private:
  std::string path_;
  std::shared_ptr<const void> nodes_;  // owns every YamlData of the file
  YamlNode root_;
};

// yes/no in the spellings users type: true/false, yes/no, 是/否, 满足/不满足.
std::optional<bool> ParseYesNo(const std::string& s);

}  // namespace jixiao
