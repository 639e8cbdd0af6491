// Source locations and diagnostics: the one way every stage reports a
// problem with its input.
//
// A SourceLoc travels with each value read from a file (file:line:col, or a
// workbook's sheet!cell), so a later stage can point at the source without
// going back to the parser. Diagnostics are gathered into a list rather
// than thrown at the first problem, and carry both a Chinese and an English
// text from the message table in messages.h.
#pragma once

#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace jixiao {

struct SourceLoc {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
  std::string cell;  // "指标!D7" for workbook input; empty for text files

  std::string ToString() const;
  bool Known() const { return line > 0 || !cell.empty(); }
};

enum class Severity { kError, kWarning, kNote };

// A message in both languages; which one is printed is chosen by the
// caller, per call (a server answers each request in its own language).
struct Text {
  std::string zh;
  std::string en;
};

enum class Language { kChinese, kEnglish };
// `t` in `lang`; the Chinese text when the English one is empty.
const std::string& Pick(const Text& t, Language lang);
// "en…" (en, en_US.UTF-8) is English; anything else, empty included, Chinese.
Language ParseLanguage(const std::string& name);

struct MessageDef {
  const char* id;  // stable English code, e.g. "unknown-key"
  const char* zh;
  const char* en;
};

template <typename... Args>
Text Format(const MessageDef& def, const Args&... args) {
  return Text{fmt::format(fmt::runtime(def.zh), args...),
              fmt::format(fmt::runtime(def.en), args...)};
}

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLoc loc;
  std::string indicator;  // the indicator code it concerns, if any
  std::string id;         // MessageDef::id
  Text message;
  std::string hint_name;  // "did you mean 'B12'?" when set
};

class Diagnostics {
 public:
  void Add(Severity sev, const SourceLoc& loc, std::string indicator, const MessageDef& def,
           Text message, std::string hint = "");
  template <typename... Args>
  void Error(const SourceLoc& loc, const std::string& indicator, const MessageDef& def,
             const Args&... args) {
    Add(Severity::kError, loc, indicator, def, Format(def, args...));
  }
  template <typename... Args>
  void ErrorHint(const SourceLoc& loc, const std::string& indicator, const std::string& hint,
                 const MessageDef& def, const Args&... args) {
    Add(Severity::kError, loc, indicator, def, Format(def, args...), hint);
  }
  bool HasErrors() const;
  const std::vector<Diagnostic>& All() const { return items_; }
  void Append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

// Thrown by a stage that cannot go on; carries everything gathered so far.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostics d);
  const Diagnostics& diagnostics() const { return diags_; }

 private:
  Diagnostics diags_;
};

// A one-diagnostic InputError, for places that must stop at once.
template <typename... Args>
[[noreturn]] void Fail(const SourceLoc& loc, const std::string& indicator, const MessageDef& def,
                       const Args&... args) {
  Diagnostics d;
  d.Error(loc, indicator, def, args...);
  throw InputError(std::move(d));
}

class InputFiles;

// "file:line:col: error: indicator B12: message", then the source line with
// a caret under the column when the file can be read: through `files` when
// given (a project held in memory), else from the disk.
std::string RenderDiagnostic(const Diagnostic& d, Language lang, const InputFiles* files = nullptr);

// Terminal columns of the first `bytes` bytes of `line`: an East Asian wide
// or fullwidth character (汉字, ，（）) counts as 2, anything else as 1.
size_t DisplayWidth(const std::string& line, size_t bytes = std::string::npos);

// The closest of `candidates` to `name` when it is a plausible typo.
std::string NearestName(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace jixiao
