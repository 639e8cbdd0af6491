// Inferring a leaf's rule from the wording of its 评分标准: only the common
// wordings (DESIGN.md, "Rule kinds"), each recognised by its whole shape;
// any other text gives a manual rule with the reason, and text a rule does
// not use is reported, so nothing is guessed silently.
//
// The text is first normalised (whitespace dropped between CJK characters,
// half-width punctuation and comparison signs made uniform), then cut into
// clauses at ，；。 and read clause by clause.
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "import/import_system.h"
#include "base/messages.h"
#include "rules/kinds/all_or_nothing.h"
#include "rules/kinds/bands.h"
#include "rules/kinds/checklist.h"
#include "rules/kinds/checklist_points.h"
#include "rules/kinds/conditions.h"
#include "rules/kinds/proportional.h"
#include "rules/kinds/ratio.h"
#include "rules/kinds/steps.h"
#include "rules/kinds/points.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

// ---- UTF-8 and normalisation ------------------------------------------

std::vector<std::string> Chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

bool IsSpace(const std::string& c) {
  return c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u3000" || c == "\u00a0";
}
bool IsAsciiAlpha(const std::string& c) {
  return c.size() == 1 && std::isalpha(static_cast<unsigned char>(c[0]));
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// One spelling for each sign: ，；：（）% ≥ ≤ × and ASCII digits. Whitespace
// goes, except one space between two ASCII words.
std::string Normalize(const std::string& text) {
  static const std::pair<const char*, const char*> kMap[] = {
      {";", "；"}, {":", "："}, {"(", "（"}, {")", "）"}, {"％", "%"}, {"﹪", "%"},
      {"＝", "="}, {"＞", ">"}, {"＜", "<"}, {"≧", "≥"}, {"≦", "≤"}, {"⩾", "≥"},
      {"⩽", "≤"}, {"*", "×"}, {"＊", "×"}, {"✕", "×"}, {"／", "/"}, {"．", "."},
      {"＋", "+"}, {"－", "-"}, {"！", "!"}, {"﹔", "；"}, {"﹐", "，"}};
  std::vector<std::string> cs = Chars(text);
  std::string out;
  for (size_t i = 0; i < cs.size(); ++i) {
    std::string c = cs[i];
    if (IsSpace(c)) {
      size_t j = i;
      while (j < cs.size() && IsSpace(cs[j])) ++j;
      if (!out.empty() && std::isalpha(static_cast<unsigned char>(out.back())) && j < cs.size() &&
          IsAsciiAlpha(cs[j]))
        out += ' ';
      i = j - 1;
      continue;
    }
    if (c.size() == 3 && c >= "０" && c <= "９") {  // full-width digits
      out += static_cast<char>('0' + (static_cast<unsigned char>(c[2]) - 0x90));
      continue;
    }
    if (c == ",") {
      // 1,022.04 keeps its separator; a clause comma becomes ，.
      bool between = !out.empty() && IsDigit(out.back()) && i + 1 < cs.size() &&
                     cs[i + 1].size() == 1 && IsDigit(cs[i + 1][0]);
      out += between ? "," : "，";
      continue;
    }
    for (const auto& [from, to] : kMap)
      if (c == from) c = to;
    out += c;
  }
  for (auto [from, to] : {std::pair<const char*, const char*>{">=", "≥"}, {"<=", "≤"},
                          {"≥=", "≥"}, {"≤=", "≤"}}) {
    for (size_t p; (p = out.find(from)) != std::string::npos;)
      out.replace(p, std::string(from).size(), to);
  }
  return out;
}

bool StartsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool EndsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}
bool Contains(const std::string& s, const std::string& p) { return s.find(p) != std::string::npos; }

// Drops leading and trailing clause punctuation.
std::string TrimPunct(std::string s) {
  static const char* kPunct[] = {"，", "；", "。", "、", "：", ",", ".", " "};
  for (bool again = true; again;) {
    again = false;
    for (const char* p : kPunct) {
      if (StartsWith(s, p)) { s.erase(0, std::string(p).size()); again = true; }
      if (EndsWith(s, p)) { s.erase(s.size() - std::string(p).size()); again = true; }
    }
  }
  return s;
}

// Clauses at ，；。 (never empty).
std::vector<std::string> Clauses(const std::string& t) {
  std::vector<std::string> out;
  std::string cur;
  for (const auto& c : Chars(t)) {
    if (c == "，" || c == "；" || c == "。") {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string Join(const std::vector<std::string>& parts, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to && i < parts.size(); ++i) s += (s.empty() ? "" : "，") + parts[i];
  return s;
}

// ---- numbers, comparisons, outcomes -----------------------------------

struct Number {
  Decimal value;
  std::string literal;  // as written, "95%"
  bool percent = false;
};

// A number at s[pos]: digits, an optional fraction, an optional %.
std::optional<Number> ReadNumber(const std::string& s, size_t& pos) {
  size_t b = pos, e = pos;
  while (e < s.size() && IsDigit(s[e])) ++e;
  if (e == b) return std::nullopt;
  if (e + 1 < s.size() && s[e] == '.' && IsDigit(s[e + 1])) {
    ++e;
    while (e < s.size() && IsDigit(s[e])) ++e;
  }
  Number n;
  n.literal = s.substr(b, e - b);
  if (e < s.size() && s[e] == '%') {
    n.percent = true;
    n.literal += '%';
    ++e;
  }
  auto d = Decimal::Parse(n.literal);
  if (!d) return std::nullopt;
  n.value = *d;
  pos = e;
  return n;
}

// A whole clause that is a number and "分": "3分", "3".
std::optional<Decimal> PointsOf(const std::string& s) {
  size_t pos = 0;
  auto n = ReadNumber(s, pos);
  if (!n || n->percent) return std::nullopt;
  std::string rest = s.substr(pos);
  if (!rest.empty() && rest != "分") return std::nullopt;
  return n->value;
}

// A value name as the text writes it: quotes and a bracketed unit dropped.
std::string CleanName(std::string s) {
  for (const char* lead : {"如果", "若"})
    if (StartsWith(s, lead) && s.size() > std::string(lead).size()) s.erase(0, std::string(lead).size());
  for (const char* q : {"“", "”", "‘", "’", "\"", "'", "「", "」"})
    for (size_t p; (p = s.find(q)) != std::string::npos;) s.erase(p, std::string(q).size());
  size_t open = s.find("（");
  if (open != std::string::npos && EndsWith(s, "）") && open > 0) s.erase(open);
  return s;
}

// A name the formula language reads as one name, so it can be a value.
bool IsValueName(const std::string& name) {
  if (name.empty()) return false;
  try {
    Formula f = Formula::Parse(name);
    return f.Names().size() == 1 && f.Names()[0] == name;
  } catch (const FormulaError&) {
    return false;
  }
}

// "X≥95%", "60%≤X<90%", "X<60%", "X为100%", "X达到95%"; `rest` is what
// follows the number ("得满分" when a clause holds both).
struct Compare {
  std::string subject;
  std::string op;  // ≥ > ≤ < =
  Number number;
  std::optional<Number> upper;  // the range form's upper bound
  std::string upper_op;         // < or ≤
  std::string rest;
};

std::optional<Compare> ReadCompare(const std::string& s) {
  static const char* kOps[] = {"≥", "≤", ">", "<", "="};
  Compare c;
  // Range: "60%≤满意度<90%".
  if (!s.empty() && IsDigit(s[0])) {
    size_t pos = 0;
    auto lo = ReadNumber(s, pos);
    if (!lo) return std::nullopt;
    std::string op1;
    for (const char* op : {"≤", "<"})
      if (s.compare(pos, std::string(op).size(), op) == 0) op1 = op;
    if (op1.empty()) return std::nullopt;
    pos += op1.size();
    size_t best = std::string::npos;
    std::string op2;
    for (const char* op : {"<", "≤"}) {
      size_t p = s.find(op, pos);
      if (p != std::string::npos && p < best) { best = p; op2 = op; }
    }
    if (best == std::string::npos) return std::nullopt;
    c.subject = CleanName(s.substr(pos, best - pos));
    size_t after = best + op2.size();
    auto hi = ReadNumber(s, after);
    if (!hi || c.subject.empty()) return std::nullopt;
    c.op = op1 == "≤" ? "≥" : ">";
    c.number = *lo;
    c.upper = *hi;
    c.upper_op = op2;
    c.rest = s.substr(after);
    return c;
  }
  // "X op N": the first sign, or 为 / 达到 / 不低于 directly before a number.
  size_t best = std::string::npos;
  std::string op, spelled;
  auto consider = [&](const std::string& word, const std::string& as, bool needs_digit) {
    for (size_t p = s.find(word); p != std::string::npos; p = s.find(word, p + 1)) {
      size_t after = p + word.size();
      if (needs_digit && (after >= s.size() || !IsDigit(s[after]))) continue;
      if (p < best) { best = p; op = as; spelled = word; }
      break;
    }
  };
  for (const char* o : kOps) consider(o, o, false);
  consider("不低于", "≥", true);
  consider("低于", "<", true);
  consider("达到", "≥", true);
  consider("为", "=", true);
  if (best == std::string::npos || best == 0) return std::nullopt;
  size_t pos = best + spelled.size();
  auto n = ReadNumber(s, pos);
  if (!n) return std::nullopt;
  c.subject = CleanName(s.substr(0, best));
  if (c.subject.empty()) return std::nullopt;
  c.op = op;
  c.number = *n;
  c.rest = s.substr(pos);
  if (StartsWith(c.rest, "以上") || StartsWith(c.rest, "及以上")) c.rest.erase(0, c.rest.find("上") + 3);
  return c;
}

// What a clause gives: 得满分, 得N分, 不得分 / 得0分, 得分=X×3分 / ×权重分.
struct Outcome {
  enum Kind { kFull, kFixed, kZero, kTimes } kind = kFixed;
  Decimal points;
  std::string subject;  // kTimes: the value multiplied
  std::string factor;   // kTimes: "weight" or a number's text
};

std::optional<Outcome> ReadOutcome(std::string s, const Decimal& weight) {
  for (const char* lead : {"则", "即", "可"})
    if (StartsWith(s, lead)) s.erase(0, std::string(lead).size());
  Outcome o;
  if (s == "得满分" || s == "得该项满分" || s == "得全部分" || s == "满分" || s == "得全分") {
    o.kind = Outcome::kFull;
    return o;
  }
  if (s == "不得分" || s == "该项不得分" || s == "本项不得分" || s == "得0分" || s == "计0分" ||
      s == "0分") {
    o.kind = Outcome::kZero;
    return o;
  }
  if (StartsWith(s, "得分=")) {
    std::string f = s.substr(std::string("得分=").size());
    size_t times = f.find("×");
    if (times == std::string::npos) return std::nullopt;
    o.kind = Outcome::kTimes;
    o.subject = CleanName(f.substr(0, times));
    std::string factor = f.substr(times + std::string("×").size());
    for (const char* w : {"权重分", "权重", "分值", "该指标分值", "该项分值", "满分"})
      if (factor == w) o.factor = "weight";
    if (o.factor.empty()) {
      auto n = PointsOf(factor);
      if (!n) return std::nullopt;
      o.factor = n->ToExactString();
      if (*n == weight) o.factor = "weight";
    }
    return o;
  }
  for (const char* lead : {"得", "计", "给"}) {
    if (!StartsWith(s, lead)) continue;
    auto n = PointsOf(s.substr(std::string(lead).size()));
    if (!n || !EndsWith(s, "分")) return std::nullopt;
    o.kind = n->IsZero() ? Outcome::kZero : Outcome::kFixed;
    o.points = *n;
    if (*n == weight) o.kind = Outcome::kFull;
    return o;
  }
  return std::nullopt;
}

// ---- the result -------------------------------------------------------

Inference Manual(const Text& why) {
  Inference inf;
  inf.rule.kind = RuleKind::kManual;
  inf.why = why;
  return inf;
}

// Clauses outside [from, to): a definition of the value ("预算执行率=（…）")
// is kept as one; anything else is reported as unused.
void Leftovers(Inference& inf, const std::vector<std::string>& cl, size_t from, size_t to,
               const std::string& value) {
  std::vector<std::string> unused;
  for (size_t i = 0; i < cl.size(); ++i) {
    if (i >= from && i < to) continue;
    const std::string& c = cl[i];
    size_t eq = c.find('=');
    if (eq != std::string::npos && eq > 0 && !StartsWith(c, "得分=")) {
      std::string name = CleanName(c.substr(0, eq));
      if (!value.empty() && name == value) {
        inf.definitions.emplace_back(name, c);
        continue;
      }
    }
    if (i + 1 == from && (EndsWith(c, "评价要点：") || c == "评价要点" || c == "评分要点")) continue;
    unused.push_back(c);
  }
  if (!unused.empty()) inf.notes.push_back(Format(msg::kInferUnusedText, Join(unused, 0, unused.size())));
}

// ---- checklists: ①…；②…, then "N项各占1/N权重分…" or "得N分" per item ----

struct Item {
  std::string text;
  std::string after;  // within the item's span, after its first ；or 。
};

// The ①②③… items in order, each cut at its first ；or 。.
std::vector<Item> CircledItems(const std::string& t, std::string* preamble) {
  std::vector<size_t> at;  // byte offsets of ①, ②, …
  size_t from = 0;
  for (int k = 0; k < 20; ++k) {
    // ① is U+2460, E2 91 A0; ⑳ is U+2473.
    std::string mark = {static_cast<char>(0xE2), static_cast<char>(0x91),
                        static_cast<char>(0xA0 + k)};
    size_t p = t.find(mark, from);
    if (p == std::string::npos) break;
    at.push_back(p);
    from = p + 3;
  }
  std::vector<Item> items;
  if (preamble) *preamble = at.empty() ? t : t.substr(0, at[0]);
  for (size_t i = 0; i < at.size(); ++i) {
    size_t b = at[i] + 3, e = i + 1 < at.size() ? at[i + 1] : t.size();
    std::string span = t.substr(b, e - b);
    size_t cut = std::min(span.find("；"), span.find("。"));
    Item it;
    it.text = TrimPunct(span.substr(0, cut));
    if (cut != std::string::npos) it.after = TrimPunct(span.substr(cut));
    items.push_back(it);
  }
  return items;
}

std::string Preamble(std::string p) {
  p = TrimPunct(p);
  for (const char* h : {"评价要点", "评分要点", "考核要点", "要点"})
    if (StartsWith(p, h)) {
      p = TrimPunct(p.substr(std::string(h).size()));
      break;
    }
  return p;
}

std::optional<Inference> InferChecklist(const std::string& t) {
  size_t clause = t.find("项各占");
  if (clause == std::string::npos) return std::nullopt;
  size_t b = clause;
  while (b > 0 && IsDigit(t[b - 1])) --b;
  if (b == clause || clause - b > 2) return std::nullopt;  // ① to ⑳ at most
  int n = std::stoi(t.substr(b, clause - b));
  std::string preamble;
  std::vector<Item> items = CircledItems(t.substr(0, b), &preamble);
  if (static_cast<int>(items.size()) != n)
    return Manual(Format(msg::kInferItemCount, n, items.size()));
  Inference inf;
  ChecklistParams params;
  std::vector<std::string> unused;
  if (auto p = Preamble(preamble); !p.empty()) unused.push_back(p);
  for (const auto& it : items) {
    params.items.push_back(it.text);
    if (!it.after.empty()) unused.push_back(it.after);
  }
  inf.rule.SetParams(std::move(params));
  // The clause runs to its 。; anything after it is not part of the rule.
  size_t end = t.find("。", clause);
  if (end != std::string::npos) {
    std::string rest = TrimPunct(t.substr(end));
    if (!rest.empty()) unused.push_back(rest);
  }
  if (!unused.empty()) inf.notes.push_back(Format(msg::kInferUnusedText, Join(unused, 0, unused.size())));
  return inf;
}

std::optional<Inference> InferChecklistPoints(const std::string& t, const Decimal& weight) {
  std::string preamble;
  std::vector<Item> items = CircledItems(t, &preamble);
  if (items.empty()) return std::nullopt;
  Inference inf;
  ChecklistPointsParams params;
  std::vector<std::string> unused;
  if (auto p = Preamble(preamble); !p.empty()) unused.push_back(p);
  Decimal sum;
  for (const auto& it : items) {
    // "…，得1分" or "…（1分）".
    std::optional<Decimal> points;
    std::string text;
    if (EndsWith(it.text, "分）")) {
      size_t open = it.text.rfind("（");
      if (open == std::string::npos) return std::nullopt;
      const size_t b = open + std::string("（").size();
      points = PointsOf(it.text.substr(b, it.text.size() - std::string("）").size() - b));
      text = TrimPunct(it.text.substr(0, open));
    } else {
      size_t de = it.text.rfind("得");
      if (de == std::string::npos || !EndsWith(it.text, "分")) return std::nullopt;
      points = PointsOf(it.text.substr(de + std::string("得").size()));
      text = TrimPunct(it.text.substr(0, de));
    }
    if (!points) return std::nullopt;
    if (text.empty()) return std::nullopt;
    params.items.push_back(ChecklistItem{text, *points});
    sum += *points;
    if (!it.after.empty()) unused.push_back(it.after);
  }
  inf.rule.SetParams(std::move(params));
  if (!unused.empty()) inf.notes.push_back(Format(msg::kInferUnusedText, Join(unused, 0, unused.size())));
  if (sum < weight)
    inf.notes.push_back(Format(msg::kInferPointsBelowWeight, sum.ToExactString(), weight.ToExactString()));
  return inf;
}

// ---- 要点 with shares (ReadPointsWording) -------------------------------

// The circled number at t[pos] (① … ⑳, U+2460 … U+2473); 0 when none.
int CircledAt(const std::string& t, size_t pos) {
  if (pos + 3 > t.size()) return 0;
  const auto a = static_cast<unsigned char>(t[pos]), b = static_cast<unsigned char>(t[pos + 1]),
             c = static_cast<unsigned char>(t[pos + 2]);
  if (a == 0xE2 && b == 0x91 && c >= 0xA0 && c <= 0xB3) return c - 0xA0 + 1;
  return 0;
}

// A count as written: "3", "三", "两".
std::optional<int> ReadCount(const std::string& s, size_t& pos) {
  if (pos < s.size() && IsDigit(s[pos])) {
    int n = 0;
    while (pos < s.size() && IsDigit(s[pos]) && n < 1000) n = n * 10 + (s[pos++] - '0');
    return n;
  }
  static const std::pair<const char*, int> kWords[] = {{"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4},
                                                       {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9},
                                                       {"十", 10}};
  for (const auto& [w, n] : kWords)
    if (s.compare(pos, std::string(w).size(), w) == 0) {
      pos += std::string(w).size();
      return n;
    }
  return std::nullopt;
}

bool Skip(const std::string& s, size_t& pos, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (s.compare(pos, std::string(w).size(), w) == 0) {
      pos += std::string(w).size();
      return true;
    }
  return false;
}

// A share as written at s[pos]: "1/4", "10%", "指标分值的1/4", "2分" (of
// `whole` points). The value and its text.
std::optional<std::pair<Decimal, std::string>> ReadShare(const std::string& s, size_t& pos, const Decimal& whole) {
  Skip(s, pos, {"该指标分值的", "指标分值的", "该项分值的", "权重分值的", "权重分的", "权重的", "分值的", "该要点分值的",
                "该要点的", "该要点", "该项的", "该项"});
  const size_t b = pos;
  auto n = ReadNumber(s, pos);
  if (!n) return std::nullopt;
  Decimal v = n->value;
  std::string text = n->literal;
  if (!n->percent && pos < s.size() && s[pos] == '/') {
    size_t q = pos + 1;
    auto d = ReadNumber(s, q);
    if (!d || d->percent || d->value.IsZero()) return std::nullopt;
    v = v / d->value;
    pos = q;
    text = s.substr(b, pos - b);
  } else if (!n->percent) {
    if (!Skip(s, pos, {"分"}) || whole.Sign() <= 0) return std::nullopt;
    v = v / whole;
    text += "分";
  }
  Skip(s, pos, {"的权重分", "权重分值", "权重分", "权重", "分值"});
  return std::make_pair(v, text);
}

struct Mark {
  size_t pos;
  int n;
  bool reference;
};

std::optional<PointsWording> ReadPointsWordingText(const std::string& t, const Decimal& weight) {
  // The marks: ① starting a point's text, or naming points in a statement
  // ("①③各占10%", "②每项不满足…"): a mark beside another, or not the next
  // point's number, names points.
  std::vector<Mark> marks;
  for (size_t p = 0; p < t.size();) {
    if (int n = CircledAt(t, p)) {
      marks.push_back({p, n, false});
      p += 3;
    } else {
      ++p;
    }
  }
  auto beside = [&](size_t a, size_t b) {  // marks a < b written together ("①③", "①、③")
    const size_t gap = marks[b].pos - (marks[a].pos + 3);
    return gap == 0 || (gap == 3 && (t.compare(marks[a].pos + 3, 3, "、") == 0 || t.compare(marks[a].pos + 3, 3, "和") == 0));
  };
  int last = 0;
  for (size_t i = 0; i < marks.size(); ++i) {
    bool ref = (i + 1 < marks.size() && beside(i, i + 1)) || (i > 0 && beside(i - 1, i)) || marks[i].n != last + 1;
    marks[i].reference = ref;
    if (!ref) last = marks[i].n;
  }
  PointsWording w;
  std::string rest;  // everything but the points' own texts
  size_t cursor = 0;
  for (size_t i = 0; i < marks.size(); ++i) {
    if (marks[i].reference) continue;
    rest += t.substr(cursor, marks[i].pos - cursor) + "；";
    const size_t b = marks[i].pos + 3;
    size_t e = t.size();
    for (size_t k = i + 1; k < marks.size(); ++k) {
      e = marks[k].pos;
      // A reference run right after the text ("…；①③各占10%") ends it too.
      break;
    }
    std::string span = t.substr(b, e - b);
    size_t cut = std::min(span.find("；"), span.find("。"));
    PointWording p;
    p.text = TrimPunct(span.substr(0, cut));
    w.points.push_back(p);
    if (cut != std::string::npos) rest += span.substr(cut) + "；";
    cursor = e;
  }
  rest += t.substr(cursor);
  const bool items = !w.points.empty();

  // The statements, clause by clause ("、" before a mark parts two).
  std::vector<std::string> cl;
  {
    std::string cur;
    const std::vector<std::string> cs = Chars(rest);
    for (size_t i = 0; i < cs.size(); ++i) {
      const std::string& c = cs[i];
      bool cut = c == "，" || c == "；" || c == "。" ||
                 (c == "、" && i + 1 < cs.size() && CircledAt(cs[i + 1], 0) && !cur.empty() && !CircledAt(cur, cur.size() - 3));
      if (cut) {
        if (!TrimPunct(cur).empty()) cl.push_back(TrimPunct(cur));
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (!TrimPunct(cur).empty()) cl.push_back(TrimPunct(cur));
  }
  if (!items) {
    PointWording whole;
    whole.text = "";
    w.points.push_back(whole);
  }
  const size_t n = w.points.size();
  std::vector<std::optional<Decimal>> shares(n);
  std::vector<std::string> share_texts(n);
  std::vector<size_t> last_targets;  // of the last per-failure statement, for "N项及以上不得分"
  bool feature = false;
  std::vector<std::string> before_feature;  // a single point's own text
  for (const std::string& c : cl) {
    size_t pos = 0;
    // Which points the statement names.
    std::vector<size_t> targets;
    Skip(c, pos, {"要点", "评价要点"});
    while (int m = CircledAt(c, pos)) {
      if (m > static_cast<int>(n)) return std::nullopt;  // names a point that is not there
      targets.push_back(static_cast<size_t>(m - 1));
      pos += 3;
      Skip(c, pos, {"、", "和", "及"});
    }
    const bool named = !targets.empty();
    if (!named) Skip(c, pos, {"各要点", "每个要点", "各项要点", "每项要点"});
    if (targets.empty())
      for (size_t k = 0; k < n; ++k) targets.push_back(k);
    const std::string s = c.substr(pos);
    if (s.empty()) continue;  // "评价要点："
    size_t q = 0;
    // "各占1/4", "占80%".
    if (Skip(s, q, {"各占", "分别占", "占"})) {
      auto sh = ReadShare(s, q, weight);
      if (!sh || q != s.size()) return std::nullopt;
      for (size_t k : targets) {
        if (shares[k]) return std::nullopt;  // a point given two shares
        shares[k] = sh->first;
        share_texts[k] = sh->second;
      }
      feature = true;
      continue;
    }
    // "每出现一项不满足扣该要点1/3", "每项不满足扣20%", "每有一项不满足，扣1分".
    q = 0;
    if (Skip(s, q, {"每出现一项", "每发现一项", "每有一项", "每一项", "每项"}) &&
        Skip(s, q, {"不满足", "不符合", "未满足", "未完成", "不达标"})) {
      Skip(s, q, {"的"});
      if (!Skip(s, q, {"扣除", "扣减", "扣"})) {
        // "…，则扣除相应权重分": the point's share, as a checklist reads it.
        continue;
      }
      std::string d = s.substr(q);
      if (StartsWith(d, "相应")) continue;  // the point's share: met or not
      size_t r = 0;
      // Points per failure are converted once the point's share is known.
      auto sh = ReadShare(d, r, Decimal(0));  // "扣1分" is not a share: below
      bool in_points = false;
      if (!sh) {
        r = 0;
        auto pts = ReadNumber(d, r);
        if (!pts || pts->percent || !Skip(d, r, {"分"})) return std::nullopt;
        sh = std::make_pair(pts->value, pts->literal + "分");
        in_points = true;
      }
      if (r != d.size()) return std::nullopt;
      for (size_t k : targets) {
        w.points[k].kind = PointWording::Kind::kFailures;
        // In points: share of the point = points ÷ (share × weight), once shares are known.
        w.points[k].per_failure = sh->first;
        w.points[k].value = in_points ? "points" : "";
      }
      last_targets = targets;
      feature = true;
      continue;
    }
    // "三项及以上不得分", "五项及以上的，该要点不得分".
    q = 0;
    if (auto cnt = ReadCount(s, q); cnt && Skip(s, q, {"项及以上", "项以上", "项或以上"})) {
      Skip(s, q, {"的"});
      Skip(s, q, {"该要点", "该项", "本项"});
      if (s.substr(q) != "不得分" && s.substr(q) != "得0分") return std::nullopt;
      const std::vector<size_t>& to = named ? targets : last_targets;
      if (to.empty()) return std::nullopt;
      for (size_t k : to) {
        if (w.points[k].kind != PointWording::Kind::kFailures) return std::nullopt;
        w.points[k].zero_at = *cnt;
      }
      continue;
    }
    // "每发现一家对象不达标，扣指标分值的10%".
    q = 0;
    if (Skip(s, q, {"每发现一", "每出现一", "每有一"})) {
      size_t k = s.find("扣", q);
      if (k == std::string::npos) {
        // The deduction in the next clause: handled when the object is read alone.
        w.object = TrimPunct(s.substr(q));
        continue;
      }
      w.object = TrimPunct(s.substr(q, k - q));
      size_t r = k + std::string("扣").size();
      Skip(s, r, {"除", "减"});
      auto sh = ReadShare(s, r, weight);
      if (!sh || r != s.size() || w.object.empty()) return std::nullopt;
      w.per_object = sh->first;
      feature = true;
      continue;
    }
    if (!w.object.empty() && !w.per_object && StartsWith(s, "扣")) {
      size_t r = std::string("扣").size();
      Skip(s, r, {"除", "减"});
      auto sh = ReadShare(s, r, weight);
      if (!sh || r != s.size()) return std::nullopt;
      w.per_object = sh->first;
      feature = true;
      continue;
    }
    // "各要点得分为：及时率×权重分值", "得分=完成率×权重分".
    q = 0;
    // Only of points: "得分=资金到位率×权重分" alone is a ratio.
    const bool of_points = items || StartsWith(c, "各要点") || StartsWith(c, "每个要点") || StartsWith(c, "要点");
    if (of_points && Skip(s, q, {"各要点得分为：", "各要点得分为", "各要点得分=", "要点得分为：", "得分为：", "得分="})) {
      size_t times = s.find("×", q);
      if (times == std::string::npos) return std::nullopt;
      std::string name = CleanName(s.substr(q, times - q));
      std::string factor = s.substr(times + std::string("×").size());
      if (factor != "权重分值" && factor != "权重分" && factor != "权重" && factor != "分值" && factor != "要点分值")
        return std::nullopt;
      for (size_t k : targets) {
        w.points[k].kind = PointWording::Kind::kRate;
        w.points[k].value = name;
      }
      feature = true;
      continue;
    }
    // "②由评价组根据现场核查情况酌情评分": the evaluator scores the named points.
    if (named && (StartsWith(s, "由评价组") || StartsWith(s, "由专家")) &&
        (Contains(s, "酌情") || Contains(s, "评定") || Contains(s, "评分") || Contains(s, "打分"))) {
      for (size_t k : targets) w.points[k].kind = PointWording::Kind::kManual;
      feature = true;
      continue;
    }
    // "否则按偏差率扣除相应权重分值".
    if (Contains(s, "偏差率") && Contains(s, "扣")) {
      for (size_t k : targets) {
        w.points[k].kind = PointWording::Kind::kDeviation;
        w.points[k].value = "偏差率";
      }
      feature = true;
      continue;
    }
    if (s == "不满足时" || s == "否则" || s == "不满足的" || s == "扣完为止" || s == "扣完该要点分值为止" ||
        s == "扣完为止为止" || (StartsWith(s, "则扣除相应") && EndsWith(s, "分"))) {
      continue;
    }
    if (!feature && !items) {
      before_feature.push_back(c);
      continue;
    }
    // "N项各占1/N权重分": the equal shares a checklist has.
    q = 0;
    if (auto cnt = ReadCount(s, q); cnt && Skip(s, q, {"项各占"}) && *cnt == static_cast<int>(n)) continue;
    w.unused.push_back(c);
  }
  if (!feature) return std::nullopt;
  if (!items) w.points[0].text = Join(before_feature, 0, before_feature.size());
  if (!items && w.points[0].text.empty()) w.points[0].text = TrimPunct(t);
  // Shares: as written, else equal among the rest.
  Decimal given;
  size_t unshared = 0;
  for (size_t k = 0; k < n; ++k) {
    if (shares[k]) given += *shares[k];
    else ++unshared;
  }
  if (given > Decimal(1)) return std::nullopt;
  if (unshared > 0) {
    if (given >= Decimal(1)) return std::nullopt;  // nothing left for the points with no share
    const Decimal each = (Decimal(1) - given) / Decimal(static_cast<long>(unshared));
    for (size_t k = 0; k < n; ++k)
      if (!shares[k]) shares[k] = each;
  } else if (given != Decimal(1)) {
    return std::nullopt;
  }
  for (size_t k = 0; k < n; ++k) {
    PointWording& p = w.points[k];
    p.share = *shares[k];
    p.share_text = share_texts[k];
    if (p.kind == PointWording::Kind::kFailures && p.value == "points") {
      // "每项不满足扣1分": 1 point of the point's share × weight.
      const Decimal whole = p.share * weight;
      if (whole.Sign() <= 0) return std::nullopt;
      p.per_failure = p.per_failure / whole;
      p.value.clear();
    }
    if (p.kind == PointWording::Kind::kFailures && (p.per_failure.Sign() <= 0 || p.per_failure > Decimal(1)))
      return std::nullopt;
    // A rate or deviation per point: each point reads its own value.
    if ((p.kind == PointWording::Kind::kRate || p.kind == PointWording::Kind::kDeviation) && n > 1)
      p.value = "要点" + std::to_string(k + 1) + p.value;
    if (!p.value.empty() && !IsValueName(p.value)) return std::nullopt;
  }
  return w;
}

// ---- quantitative wordings over clauses -------------------------------

bool IsFull(const std::optional<Outcome>& o) { return o && o->kind == Outcome::kFull; }

// A clause's outcome, or the first clause's `rest` when the comparison and
// the outcome share a clause ("满意度≥90%得满分"): returns the index after it.
std::optional<Outcome> OutcomeAfter(const Compare& c, const std::vector<std::string>& cl, size_t& i,
                                    const Decimal& weight) {
  if (!c.rest.empty()) return ReadOutcome(c.rest, weight);
  if (i >= cl.size()) return std::nullopt;
  return ReadOutcome(cl[i++], weight);
}

// "得4分" where 4 is not the weight is not the full score the wording means.
std::optional<Inference> FullMismatch(const std::optional<Outcome>& o, const Decimal& weight) {
  if (o && o->kind == Outcome::kFixed)
    return Manual(Format(msg::kInferFullNotWeight, o->points.ToExactString(), weight.ToExactString()));
  return std::nullopt;
}

bool IsFloorClause(const std::string& c) {
  for (const char* w : {"扣完为止", "扣完即止", "直至扣完", "最低0分", "最低得0分", "扣完为止为止", "扣至0分为止",
                        "最低为0分", "扣完本项分值为止"})
    if (c == w) return true;
  return false;
}

// A clause saying how a partial step counts.
enum class StepsReading { kUnsaid, kWhole, kContinuous };
std::optional<StepsReading> ReadStepsReading(const std::string& c) {
  // "不足一档按一档计", "不足5%的按5%计算", "不足1个百分点按1个百分点计".
  if (StartsWith(c, "不足") && Contains(c, "按") && !Contains(c, "比例") &&
      (EndsWith(c, "计") || EndsWith(c, "计算") || EndsWith(c, "扣") || EndsWith(c, "扣分")))
    return StepsReading::kWhole;
  // "按比例扣分", "不足一档的按比例扣减", "按实际差额按比例扣分".
  if (Contains(c, "按比例扣") || Contains(c, "按比例计扣") || Contains(c, "按比例折算"))
    return StepsReading::kContinuous;
  return std::nullopt;
}

// "X≥95%，得4分；每降低5%，扣1分，扣完为止" and "…；每低10%，扣20%权重分".
std::optional<Inference> InferSteps(const std::vector<std::string>& cl, const Decimal& weight) {
  for (size_t i = 0; i < cl.size(); ++i) {
    auto c = ReadCompare(cl[i]);
    if (!c || c->op != "≥" || c->upper || !c->number.percent) continue;
    size_t j = i + 1;
    auto o = OutcomeAfter(*c, cl, j, weight);
    if (j >= cl.size() || !StartsWith(cl[j], "每")) continue;
    if (!IsFull(o)) {
      if (auto m = FullMismatch(o, weight)) return m;
      continue;
    }
    std::string s = cl[j++].substr(std::string("每").size());
    bool dropped = false;
    for (const char* w : {"降低", "下降", "减少", "低于", "低"})
      if (!dropped && StartsWith(s, w)) {
        s.erase(0, std::string(w).size());
        dropped = true;
      }
    size_t pos = 0;
    auto step = ReadNumber(s, pos);
    if (!dropped || !step) continue;
    std::string d = s.substr(pos);
    if (!step->percent && StartsWith(d, "个百分点")) {  // "每降低1个百分点" is 1%
      d.erase(0, std::string("个百分点").size());
      step->value = step->value / Decimal(100);
      step->percent = true;
    }
    if (!step->percent) continue;
    if (d.empty()) {
      if (j >= cl.size()) continue;
      d = cl[j++];
    }
    for (const char* w : {"扣除", "扣", "减"})
      if (StartsWith(d, w)) {
        d.erase(0, std::string(w).size());
        break;
      }
    bool share = false;
    for (const char* w : {"该指标分值的", "指标分值的", "该项分值的", "权重分的", "权重的", "分值的"})
      if (StartsWith(d, w)) {
        d.erase(0, std::string(w).size());
        share = true;
        break;
      }
    pos = 0;
    auto deduct = ReadNumber(d, pos);
    if (!deduct) continue;
    std::string tail = d.substr(pos);
    if (deduct->percent) {
      // "扣5%" alone is a share of the weight, as "扣5%权重分" is.
      if (!share && !tail.empty() && tail != "权重分" && tail != "的权重分" && tail != "权重" && tail != "分值")
        continue;
      if (share && !tail.empty()) continue;
      share = true;
    } else if (share || tail != "分") {
      continue;
    }
    // How a partial step counts: "不足一档按一档计" (whole steps) or "按比例扣"
    // (continuous), and the floor, in any order after the deduction.
    StepsReading reading = StepsReading::kUnsaid;
    for (bool more = true; more && j < cl.size();) {
      more = false;
      if (IsFloorClause(cl[j])) {
        ++j;
        more = true;
      } else if (auto r = ReadStepsReading(cl[j])) {
        reading = *r;
        ++j;
        more = true;
      }
    }
    std::string value = c->subject;
    if (!IsValueName(value)) return Manual(Format(msg::kInferBadName, value));
    StepsParams params;
    params.full_at = c->number.value;
    params.step = step->value;
    params.deduct = deduct->value;
    params.deduct_is_share = share;
    if (params.step.Sign() <= 0 || params.deduct.Sign() <= 0) continue;
    params.continuous = reading == StepsReading::kContinuous;
    Inference inf;
    inf.rule.SetParams(std::move(params));
    inf.rule.value = value;
    Leftovers(inf, cl, i, j, value);
    return inf;
  }
  return std::nullopt;
}

// "X≥90%，得满分；否则，按比例得分" — proportional, read as value × weight.
std::optional<Inference> InferProportional(const std::vector<std::string>& cl, const Decimal& weight) {
  for (size_t i = 0; i < cl.size(); ++i) {
    auto c = ReadCompare(cl[i]);
    if (!c || c->op != "≥" || c->upper || !c->number.percent) continue;
    size_t j = i + 1;
    auto o = OutcomeAfter(*c, cl, j, weight);
    if (j >= cl.size()) continue;
    std::string s = cl[j];
    for (const char* w : {"否则", "未达到的", "未达到", "未达标的", "未达标", "低于目标值的"})
      if (StartsWith(s, w)) {
        s.erase(0, std::string(w).size());
        if (s.empty() && ++j < cl.size()) s = cl[j];
        break;
      }
    if (!(StartsWith(s, "按") && Contains(s, "比例") && (EndsWith(s, "得分") || EndsWith(s, "计分"))))
      continue;
    if (!IsFull(o)) {
      if (auto m = FullMismatch(o, weight)) return m;
      continue;
    }
    ++j;
    if (!IsValueName(c->subject)) return Manual(Format(msg::kInferBadName, c->subject));
    Inference inf;
    ProportionalParams params;
    params.target = c->number.value;
    params.attainment = false;  // value × weight, as 002 scores D13
    inf.rule.SetParams(std::move(params));
    inf.rule.value = c->subject;
    Leftovers(inf, cl, i, j, c->subject);
    return inf;
  }
  return std::nullopt;
}

// "满意度低于60%不得分，60%以上按比例得分" (and "…≥90%得满分" as the full
// line, else 100%): a pass line, read linearly from 0 at the pass line to
// the weight at the full line, (x − pass) ÷ (full − pass) × weight; written
// as bands, which import can write (pass_line has no YAML writer).
std::optional<Inference> InferPassLine(const std::vector<std::string>& cl, const Decimal& weight) {
  // "低于60%不得分" may leave its subject to another clause ("满意度≥90%得满分").
  std::string hint;
  for (const auto& c : cl)
    if (auto cmp = ReadCompare(c); cmp && hint.empty()) hint = cmp->subject;
  for (size_t i = 0; i < cl.size(); ++i) {
    auto below = ReadCompare(StartsWith(cl[i], "低于") ? hint + cl[i] : cl[i]);
    if (!below || below->op != "<" || below->upper || !below->number.percent) continue;
    size_t j = i + 1;
    auto zero = OutcomeAfter(*below, cl, j, weight);
    if (!zero || zero->kind != Outcome::kZero) continue;
    // The clause above the pass line: "60%以上按比例得分", "60%（含）以上的，按比例计分".
    const Decimal pass = below->number.value;
    std::optional<size_t> prop;
    for (size_t k = 0; k < cl.size() && !prop; ++k) {
      if (k == i) continue;
      std::string c = cl[k];
      if (StartsWith(c, below->subject)) c.erase(0, below->subject.size());
      for (const char* w : {"在", "为", "达到"})
        if (StartsWith(c, w)) c.erase(0, std::string(w).size());
      size_t pos = 0;
      auto n = ReadNumber(c, pos);
      if (!n || !n->percent || n->value != pass) continue;
      std::string rest = c.substr(pos);
      for (const char* w : {"（含）", "及", "以上", "（含）以上", "的"})
        if (StartsWith(rest, w)) rest.erase(0, std::string(w).size());
      for (const char* w : {"以上", "的"})
        if (StartsWith(rest, w)) rest.erase(0, std::string(w).size());
      std::string next = k + 1 < cl.size() ? cl[k + 1] : "";
      if (rest.empty() && StartsWith(next, "按") && Contains(next, "比例")) {
        prop = k;
        j = std::max(j, k + 2);
      } else if (StartsWith(rest, "按") && Contains(rest, "比例")) {
        prop = k;
        j = std::max(j, k + 1);
      }
    }
    if (!prop) continue;
    // The full line, when written.
    Decimal full = Decimal(1);
    size_t from = i;
    for (size_t k = 0; k < cl.size(); ++k) {
      auto c = ReadCompare(cl[k]);
      if (!c || c->subject != below->subject || c->upper || c->op != "≥") continue;
      size_t after = k + 1;
      if (!IsFull(OutcomeAfter(*c, cl, after, weight))) continue;
      full = c->number.value;
      from = std::min(from, k);
      j = std::max(j, after);
    }
    if (full <= pass) continue;
    if (!IsValueName(below->subject)) return Manual(Format(msg::kInferBadName, below->subject));
    BandsParams params;
    Band top;
    top.min = full;
    top.score.kind = ScoreSpec::kFull;
    Band line;
    line.min = pass;
    line.score.kind = ScoreSpec::kFormula;
    line.score.formula = Formula::Parse("(x - " + pass.ToExactString() + ") / (" + full.ToExactString() + " - " +
                                        pass.ToExactString() + ") * weight");
    Band rest;
    rest.score.kind = ScoreSpec::kFixed;
    rest.score.fixed = Decimal(0);
    params.bands = {top, line, rest};
    Inference inf;
    inf.rule.SetParams(std::move(params));
    inf.rule.value = below->subject;
    Leftovers(inf, cl, std::min(from, *prop), j, below->subject);
    return inf;
  }
  return std::nullopt;
}

// "满意度≥90%，得满分；60%≤满意度<90%，得分=满意度×3分；满意度<60%，不得分",
// and fixed scores per range (100% 得10分; 80%≤X<100% 得7分; …).
// A band written without its subject, which the band above gives:
// "80%-90%（含80%），得8分", "80%（含）~90%的，得8分", "60%以下，不得分".
std::optional<Compare> ReadCompareIn(const std::string& s, const std::string& subject) {
  if (auto c = ReadCompare(s)) return c;
  if (subject.empty() || s.empty() || !IsDigit(s[0])) return std::nullopt;
  size_t pos = 0;
  auto lo = ReadNumber(s, pos);
  if (!lo) return std::nullopt;
  Skip(s, pos, {"（含）"});
  Compare c;
  c.subject = subject;
  c.number = *lo;
  if (Skip(s, pos, {"（不含）以下", "以下"})) {
    c.op = "<";
  } else if (Skip(s, pos, {"-", "~", "～", "至", "—", "–"})) {
    auto hi = ReadNumber(s, pos);
    if (!hi) return std::nullopt;
    // "（含80%）", "（不含90%）": the reading is the bands' own, from each min up.
    if (s.compare(pos, std::string("（").size(), "（") == 0) {
      size_t e = s.find("）", pos);
      if (e == std::string::npos) return std::nullopt;
      pos = e + std::string("）").size();
    }
    c.op = "≥";
    c.upper = *hi;
    c.upper_op = "<";
  } else {
    return std::nullopt;
  }
  Skip(s, pos, {"之间"});
  Skip(s, pos, {"的"});
  c.rest = s.substr(pos);
  return c;
}

std::optional<Inference> InferBands(const std::vector<std::string>& cl, const Decimal& weight) {
  for (size_t i = 0; i < cl.size(); ++i) {
    auto first = ReadCompare(cl[i]);
    if (!first) continue;
    BandsParams params;
    std::string subject = first->subject;
    size_t j = i;
    std::optional<Decimal> prev_min;
    bool ended = false, broken = false;
    while (j < cl.size() && !ended) {
      auto c = ReadCompareIn(cl[j], subject);
      if (!c || c->subject != subject || !c->number.percent) break;
      size_t k = j + 1;
      auto o = OutcomeAfter(*c, cl, k, weight);
      if (!o) break;
      Band band;
      if (c->op == "≥" || (c->op == "=" && c->number.value == Decimal(1))) {
        band.min = c->number.value;
        // A range's top must be the band above's min; "X≥80%" after "X≥90%"
        // reads the same. Either way the mins go down.
        if (c->upper && (!prev_min || c->upper->value != *prev_min || c->upper_op != "<")) {
          broken = true;
          break;
        }
        if (prev_min && *band.min >= *prev_min) {
          broken = true;
          break;
        }
        prev_min = band.min;
      } else if (c->op == "<" && !c->upper && prev_min && c->number.value == *prev_min) {
        ended = true;  // the rest
      } else {
        broken = true;
        break;
      }
      switch (o->kind) {
        case Outcome::kFull: band.score.kind = ScoreSpec::kFull; break;
        case Outcome::kZero: band.score.kind = ScoreSpec::kFixed; band.score.fixed = Decimal(0); break;
        case Outcome::kFixed:
          if (o->points > weight)
            return Manual(Format(msg::kInferPointsAboveWeight, o->points.ToExactString(),
                                 weight.ToExactString()));
          band.score.kind = ScoreSpec::kFixed;
          band.score.fixed = o->points;
          break;
        case Outcome::kTimes:
          if (o->subject != subject) { broken = true; break; }
          band.score.kind = ScoreSpec::kFormula;
          band.score.formula = Formula::Parse("x * " + o->factor);
          break;
      }
      if (broken) break;
      params.bands.push_back(band);
      j = k;
    }
    if (broken || params.bands.size() < 2 || !params.bands.front().min) continue;
    if (!IsValueName(subject)) return Manual(Format(msg::kInferBadName, subject));
    Inference inf;
    inf.rule.SetParams(std::move(params));
    inf.rule.value = subject;
    Leftovers(inf, cl, i, j, subject);
    return inf;
  }
  return std::nullopt;
}

// "A为100%，得3分；B≥95%，得3分": points for each condition that holds.
std::optional<Inference> InferConditions(const std::vector<std::string>& cl, const Decimal& weight) {
  for (size_t i = 0; i < cl.size(); ++i) {
    ConditionsParams params;
    std::vector<std::string> subjects;
    size_t j = i;
    Decimal sum;
    while (j < cl.size()) {
      auto c = ReadCompare(cl[j]);
      if (!c || c->upper) break;
      size_t k = j + 1;
      auto o = OutcomeAfter(*c, cl, k, weight);
      if (!o || (o->kind != Outcome::kFixed && o->kind != Outcome::kFull)) break;
      Decimal points = o->kind == Outcome::kFull ? weight : o->points;
      std::string op = c->op == "≥" ? ">=" : c->op == "≤" ? "<=" : c->op;
      // "参保率为100%": a rate cannot pass 100%, so reaching it is enough.
      if (c->op == "=") op = c->number.percent && c->number.value == Decimal(1) ? ">=" : "==";
      for (const auto& s : subjects)
        if (s == c->subject) return std::nullopt;  // the same value twice: bands, not conditions
      if (!IsValueName(c->subject)) return Manual(Format(msg::kInferBadName, c->subject));
      subjects.push_back(c->subject);
      Condition cond;
      std::string text = cl[j];
      if (!c->rest.empty()) text = text.substr(0, text.size() - c->rest.size());
      cond.text = text;
      cond.when = Formula::Parse(c->subject + " " + op + " " + c->number.literal);
      cond.points = points;
      sum += points;
      params.conditions.push_back(cond);
      j = k;
    }
    if (params.conditions.size() < 2) continue;
    Inference inf;
    inf.rule.SetParams(std::move(params));
    Leftovers(inf, cl, i, j, "");
    if (sum < weight)
      inf.notes.push_back(Format(msg::kInferPointsBelowWeight, sum.ToExactString(), weight.ToExactString()));
    return inf;
  }
  return std::nullopt;
}

// "…，得满分；否则，不得分" and "…，得满分；发现1例…的，得0分".
std::optional<Inference> InferAllOrNothing(const std::vector<std::string>& cl, const Decimal& weight) {
  for (size_t i = 1; i < cl.size(); ++i) {
    auto full = ReadOutcome(cl[i], weight);
    if (!IsFull(full)) continue;
    size_t j = i + 1;
    if (j >= cl.size()) return std::nullopt;
    std::string s = cl[j];
    bool otherwise = false;
    for (const char* w : {"否则", "反之"})
      if (StartsWith(s, w)) {
        s.erase(0, std::string(w).size());
        otherwise = true;
      }
    if (otherwise && s.empty() && ++j < cl.size()) s = cl[j];
    auto zero = ReadOutcome(s, weight);
    if (!(zero && zero->kind == Outcome::kZero)) {
      // "发现1例不符合标准的，得0分"
      bool found = false;
      for (const char* w : {"发现", "出现", "如有", "若有", "存在"}) found = found || StartsWith(s, w);
      if (!found || otherwise || j + 1 >= cl.size()) return std::nullopt;
      zero = ReadOutcome(cl[++j], weight);
      if (!(zero && zero->kind == Outcome::kZero)) return std::nullopt;
    }
    ++j;
    AllOrNothingParams params;
    // One comparison as the condition: the data decide, not the evaluator.
    size_t from = 0;
    if (auto c = ReadCompare(cl[i - 1]); c && !c->upper && c->rest.empty() && IsValueName(c->subject)) {
      std::string op = c->op == "≥" ? ">=" : c->op == "≤" ? "<=" : c->op == "=" ? "==" : c->op;
      if (c->op == "=" && c->number.percent && c->number.value == Decimal(1)) op = ">=";
      params.when = Formula::Parse(c->subject + " " + op + " " + c->number.literal);
      from = i - 1;
    }
    Inference inf;
    inf.rule.SetParams(std::move(params));
    Leftovers(inf, cl, from, j, "");
    return inf;
  }
  return std::nullopt;
}

// "得分=资金到位率*权重分，最高得分2分".
std::optional<Inference> InferRatio(const std::vector<std::string>& cl, const Decimal& weight) {
  for (const auto& c : cl) {
    auto cmp = ReadCompare(c);
    if (cmp && cmp->op != "=") return std::nullopt;  // thresholds: not a plain ratio
  }
  for (size_t i = 0; i < cl.size(); ++i) {
    auto o = ReadOutcome(cl[i], weight);
    if (!o || o->kind != Outcome::kTimes || o->factor != "weight") continue;
    if (!IsValueName(o->subject)) return Manual(Format(msg::kInferBadName, o->subject));
    RatioParams params;
    size_t j = i + 1;
    if (j < cl.size()) {
      std::string s = cl[j];
      for (const char* w : {"最高得分", "最高不超过", "最高", "最多得", "封顶"})
        if (StartsWith(s, w)) {
          auto cap = PointsOf(s.substr(std::string(w).size()));
          if (cap) {
            if (*cap < weight) params.cap = *cap;
            ++j;
          }
          break;
        }
    }
    Inference inf;
    inf.rule.SetParams(std::move(params));
    inf.rule.value = o->subject;
    Leftovers(inf, cl, i, j, o->subject);
    return inf;
  }
  return std::nullopt;
}

}  // namespace

namespace {

// The 要点 wording as a points rule, field for field.
Inference PointsInference(const PointsWording& w) {
  PointsParams params;
  for (const PointWording& pw : w.points) {
    ScoringPoint p;
    switch (pw.kind) {
      case PointWording::Kind::kMet: p.kind = ScoringPoint::Kind::kMet; break;
      case PointWording::Kind::kFailures: p.kind = ScoringPoint::Kind::kFailures; break;
      case PointWording::Kind::kRate: p.kind = ScoringPoint::Kind::kRate; break;
      case PointWording::Kind::kDeviation: p.kind = ScoringPoint::Kind::kDeviation; break;
      case PointWording::Kind::kManual: p.kind = ScoringPoint::Kind::kManual; break;
    }
    p.text = pw.text;
    p.share = pw.share;
    p.share_text = pw.share_text;
    p.per_failure = pw.per_failure;
    p.zero_at = pw.zero_at;
    if (!pw.value.empty()) p.value = Formula::Parse(pw.value);
    params.points.push_back(std::move(p));
  }
  params.per_object = w.per_object;
  params.object = w.object;
  Inference inf;
  inf.rule.SetParams(std::move(params));
  if (!w.unused.empty()) inf.notes.push_back(Format(msg::kInferUnusedText, Join(w.unused, 0, w.unused.size())));
  return inf;
}

}  // namespace

Inference InferRule(const std::string& criteria, const Decimal& weight) {
  const std::string t = Normalize(criteria);
  if (TrimPunct(t).empty()) return Manual(Format(msg::kInferNoCriteria));
  // Before the checklists: "N项各占…" with a per-failure deduction is points.
  if (auto w = ReadPointsWordingText(t, weight)) return PointsInference(*w);
  if (auto r = InferChecklist(t)) return *r;
  if (auto r = InferChecklistPoints(t, weight)) return *r;
  const std::vector<std::string> cl = Clauses(t);
  if (auto r = InferSteps(cl, weight)) return *r;
  if (auto r = InferPassLine(cl, weight)) return *r;
  if (auto r = InferProportional(cl, weight)) return *r;
  if (auto r = InferBands(cl, weight)) return *r;
  if (auto r = InferConditions(cl, weight)) return *r;
  if (auto r = InferAllOrNothing(cl, weight)) return *r;
  if (auto r = InferRatio(cl, weight)) return *r;
  return Manual(Format(msg::kInferNoPattern));
}

std::optional<PointsWording> ReadPointsWording(const std::string& criteria, const Decimal& weight) {
  return ReadPointsWordingText(Normalize(criteria), weight);
}

std::vector<std::string> RuleValueNames(const Rule& rule) {
  std::vector<std::string> out;
  auto add = [&](const std::string& n) {
    if (n.empty() || n == "x" || n == "weight") return;
    for (const auto& o : out)
      if (o == n) return;
    out.push_back(n);
  };
  add(rule.value);
  for (const RuleFormula& f : UnitOf(rule.kind).Formulas(rule))
    for (const auto& n : f.formula->Names()) add(n);
  return out;
}

}  // namespace jixiao
