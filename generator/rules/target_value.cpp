#include "rules/target_value.h"

#include <cctype>
#include <vector>

#include "base/precision.h"

namespace jixiao {
namespace {

// Full-width forms (０-９, ％, ．, ＝, ≧ …) become ASCII or the usual
// symbol, and spaces (ASCII and the ideographic space) go, so that
// "≥ ９５ ％" reads as "≥95%".
std::string Normalize(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size();) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (!std::isspace(c)) out += static_cast<char>(c);
      ++i;
      continue;
    }
    int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string_view ch = in.substr(i, static_cast<size_t>(len));
    i += static_cast<size_t>(len);
    if (ch.size() == 3 && static_cast<unsigned char>(ch[0]) == 0xEF &&
        (static_cast<unsigned char>(ch[1]) == 0xBC || static_cast<unsigned char>(ch[1]) == 0xBD)) {
      // U+FF01..U+FF5E: full-width ASCII.
      unsigned cp = ((static_cast<unsigned char>(ch[0]) & 0x0F) << 12) |
                    ((static_cast<unsigned char>(ch[1]) & 0x3F) << 6) |
                    (static_cast<unsigned char>(ch[2]) & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(cp - 0xFF01 + 0x21);
        continue;
      }
    }
    if (ch == "\xE3\x80\x80") continue;  // ideographic space
    if (ch == "\xE2\x89\xA7") { out += "≥"; continue; }  // ≧
    if (ch == "\xE2\x89\xA6") { out += "≤"; continue; }  // ≦
    if (ch == "\xEF\xB9\xA6") { out += "="; continue; }  // ﹦
    out += std::string(ch);
  }
  return out;
}

struct Phrase {
  const char* text;
  Direction dir;
  bool strict;
};

// Longer and negated phrases first: "不低于" before "低于", "≥" before ">".
const std::vector<Phrase>& Phrases() {
  static const std::vector<Phrase> p = {
      {"大于或等于", Direction::kAtLeast, false}, {"小于或等于", Direction::kAtMost, false},
      {"大于等于", Direction::kAtLeast, false},   {"小于等于", Direction::kAtMost, false},
      {"不低于", Direction::kAtLeast, false},     {"不少于", Direction::kAtLeast, false},
      {"不小于", Direction::kAtLeast, false},     {"不高于", Direction::kAtMost, false},
      {"不超过", Direction::kAtMost, false},      {"不多于", Direction::kAtMost, false},
      {"不大于", Direction::kAtMost, false},      {"及以上", Direction::kAtLeast, false},
      {"及以下", Direction::kAtMost, false},      {"控制在", Direction::kAtMost, false},
      {"≥", Direction::kAtLeast, false},          {">=", Direction::kAtLeast, false},
      {"=>", Direction::kAtLeast, false},         {"≤", Direction::kAtMost, false},
      {"<=", Direction::kAtMost, false},          {"=<", Direction::kAtMost, false},
      {"至少", Direction::kAtLeast, false},       {"达到", Direction::kAtLeast, false},
      {"以上", Direction::kAtLeast, false},       {"至多", Direction::kAtMost, false},
      {"最多", Direction::kAtMost, false},        {"以内", Direction::kAtMost, false},
      {"以下", Direction::kAtMost, false},        {"等于", Direction::kEqual, false},
      {"持平", Direction::kEqual, false},         {"=", Direction::kEqual, false},
      {">", Direction::kAtLeast, true},           {"<", Direction::kAtMost, true},
      {"高于", Direction::kAtLeast, true},        {"超过", Direction::kAtLeast, true},
      {"大于", Direction::kAtLeast, true},        {"多于", Direction::kAtLeast, true},
      {"低于", Direction::kAtMost, true},         {"少于", Direction::kAtMost, true},
      {"小于", Direction::kAtMost, true},
  };
  return p;
}

// Units a measure may carry, after 万/亿/千 is taken off. Longer first.
const std::vector<std::string>& Units() {
  static const std::vector<std::string> u = {
      "个工作日", "平方公里", "平方米", "工作日", "人次", "户次", "册次", "个月", "小时",
      "分钟",     "公里",     "千米",   "公顷",   "人",     "户",   "家",   "个",   "项",   "次",
      "件",       "元",       "天",     "日",     "月",     "周",   "年",   "所",   "座",   "台",
      "套",       "辆",       "张",     "份",     "批",     "场",   "期",   "篇",   "米",   "亩",
      "吨",       "床",       "起",     "例",     "名",     "岗",   "处",   "条",   "本",   "册",
      "株",       "棵",       "头",     "只",     "村",     "宗",   "单",   "笔",   "‰"};
  return u;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Reads a unit at the front of `s`: returns its length, or 0.
size_t ReadUnit(std::string_view s, std::string& unit) {
  for (const auto& u : Units()) {
    if (StartsWith(s, u)) {
      unit = u;
      return u.size();
    }
  }
  return 0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string TypedValue::Display() const {
  switch (kind) {
    case ValueKind::kNumber:
      if (percent) return (number * Decimal(100)).ToShort(kWrittenFigurePlaces) + "%";
      return number.ToShort(kWrittenFigurePlaces) + unit;
    case ValueKind::kYesNo: return yes ? "是" : "否";
    default: return text;
  }
}

std::string DirectionSymbol(Direction d, bool strict) {
  switch (d) {
    case Direction::kAtLeast: return strict ? ">" : "≥";
    case Direction::kAtMost: return strict ? "<" : "≤";
    case Direction::kEqual: return "=";
    case Direction::kNone: return "";
  }
  return "";
}

bool AdoptUnit(TypedValue& bare, const TypedValue& reference) {
  if (!bare.IsNumber() || !reference.IsNumber() || bare.percent || !bare.unit.empty() ||
      bare.scale != Decimal(1))
    return false;
  if (!reference.percent && reference.unit.empty() && reference.scale == Decimal(1)) return false;
  bare.number = bare.number * reference.scale;
  bare.scale = reference.scale;
  bare.percent = reference.percent;
  bare.unit = reference.unit;
  bare.written_unit = reference.written_unit;
  return true;
}

bool SameMeasure(const TypedValue& a, const TypedValue& b) {
  if (!a.IsNumber() || !b.IsNumber() || a.percent != b.percent) return false;
  return a.unit == b.unit || a.unit.empty() || b.unit.empty();
}

TypedValue ParseTypedValue(std::string_view text) {
  TypedValue v;
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  v.text = std::string(text.substr(b, e - b));
  std::string s = Normalize(v.text);
  for (;;) {  // a closing full stop is not part of the value
    if (!s.empty() && s.back() == '.') s.pop_back();
    else if (s.size() >= 3 && s.compare(s.size() - 3, 3, "。") == 0) s.resize(s.size() - 3);
    else break;
  }
  if (s.empty()) return v;

  static const std::vector<std::pair<std::string, bool>> yes_no = {
      {"是", true}, {"否", false}, {"有", true}, {"无", false}, {"true", true}, {"false", false}};
  for (const auto& [word, yes] : yes_no) {
    if (s == word) {
      v.kind = ValueKind::kYesNo;
      v.yes = yes;
      v.direction = Direction::kEqual;
      return v;
    }
  }

  // Direction phrases, taken out of the text as they are found.
  std::string rest = s;
  bool conflict = false;
  for (const auto& ph : Phrases()) {
    for (size_t at; (at = rest.find(ph.text)) != std::string::npos;) {
      if (v.direction != Direction::kNone && (v.direction != ph.dir || v.strict != ph.strict)) {
        // "达到…以上" agree; "≥…以下" do not.
        if (v.direction != ph.dir) conflict = true;
      }
      if (v.direction == Direction::kNone) {
        v.direction = ph.dir;
        v.strict = ph.strict;
      }
      rest.erase(at, std::string(ph.text).size());
    }
  }

  bool has_digit = false;
  for (char c : rest) has_digit = has_digit || IsDigit(c);
  if (!has_digit) {
    bool last_year = rest.find("上年") != std::string::npos || rest.find("上一年") != std::string::npos ||
                     rest.find("去年") != std::string::npos;
    if (last_year && v.direction != Direction::kNone && !conflict) {
      v.kind = ValueKind::kLastYear;
      return v;
    }
    v.direction = Direction::kNone;
    v.strict = false;
    return v;  // a qualitative phrase
  }
  if (conflict) {
    v.direction = Direction::kNone;
    return v;
  }

  // Exactly one number: digits with an optional point and thousands commas.
  size_t i = 0;
  while (i < rest.size() && !IsDigit(rest[i])) ++i;
  size_t j = i;
  while (j < rest.size() && (IsDigit(rest[j]) || rest[j] == '.' || rest[j] == ',')) ++j;
  std::string number = rest.substr(i, j - i);
  for (size_t k = j; k < rest.size(); ++k) {
    if (IsDigit(rest[k])) {  // a second number: a date, a range
      v.direction = Direction::kNone;
      v.strict = false;
      return v;
    }
  }
  bool negative = i > 0 && rest[i - 1] == '-';
  std::optional<Decimal> d = Decimal::Parse(number);
  if (!d) {
    v.direction = Direction::kNone;
    return v;
  }
  std::string_view tail = std::string_view(rest).substr(j);
  v.written_unit = std::string(tail);
  Decimal n = negative ? -*d : *d;
  // "%", and the words some forms write for it (个百分点: a difference of percentages).
  size_t percent_len = 0;
  for (std::string_view p : {std::string_view("%"), std::string_view("百分比"), std::string_view("个百分点"),
                             std::string_view("百分点")})
    if (percent_len == 0 && StartsWith(tail, p)) percent_len = p.size();
  if (percent_len > 0) {
    v.percent = true;
    v.scale = Decimal(1) / Decimal(100);
    n = n / Decimal(100);
    tail.remove_prefix(percent_len);
  } else {
    static const std::vector<std::pair<std::string, long>> multipliers = {
        {"万", 10000}, {"亿", 100000000}, {"千", 1000}};
    for (const auto& [m, factor] : multipliers) {
      if (!StartsWith(tail, m)) continue;
      std::string unit;
      std::string_view after = tail.substr(m.size());
      // 千米 is a unit of its own only if nothing follows 千 as a unit.
      if (after.empty() || ReadUnit(after, unit) > 0) {
        n = n * Decimal(factor);
        v.scale = Decimal(factor);
        tail = after;
      }
      break;
    }
    std::string unit;
    size_t len = ReadUnit(tail, unit);
    if (len > 0) {
      tail.remove_prefix(len);
      v.unit = unit;
      std::string per;
      if (StartsWith(tail, "/") && ReadUnit(tail.substr(1), per) > 0) {
        tail.remove_prefix(1 + per.size());
        v.unit += "/" + per;
      }
    }
  }
  if (!tail.empty()) {  // "12月底前": a number, but not a measure
    v.direction = Direction::kNone;
    v.strict = false;
    v.percent = false;
    v.unit.clear();
    return v;
  }
  v.kind = ValueKind::kNumber;
  v.number = n;
  return v;
}

}  // namespace jixiao
