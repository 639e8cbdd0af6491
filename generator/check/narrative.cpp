#include "check/narrative.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>

#include "base/precision.h"
#include "load/load.h"

namespace jixiao {
namespace {

using std::string_view;

bool Has(string_view s, string_view word) { return s.find(word) != string_view::npos; }
bool HasAny(string_view s, std::initializer_list<string_view> words) {
  for (string_view w : words)
    if (Has(s, w)) return true;
  return false;
}
bool EndsWith(string_view s, string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The last place `word` stands in `s`. string_view::rfind compares the word
// at every position; this looks for its first byte first.
size_t LastOf(string_view s, string_view word) {
  if (word.empty() || word.size() > s.size()) return word.empty() ? s.size() : string_view::npos;
  size_t end = s.size() - word.size() + 1;  // positions [0, end) can hold it
  while (end > 0) {
    const void* p = memrchr(s.data(), word[0], end);
    if (!p) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(p) - s.data());
    if (std::memcmp(s.data() + at + 1, word.data() + 1, word.size() - 1) == 0) return at;
    end = at;
  }
  return string_view::npos;
}

// Strips trailing ASCII blanks and the CJK space.
string_view TrimRight(string_view s) {
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    else if (EndsWith(s, "\xE3\x80\x80")) s.remove_suffix(3);
    else return s;
  }
}
string_view TrimLeft(string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    else if (s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
    else return s;
  }
}

// A number as the text writes it: "2993.54", "-1476.05", "15,782.60", "8.63%".
struct TextNumber {
  size_t begin = 0, end = 0;  // bytes, within the file
  std::string written;        // the characters, the sign as '-'
  StatedNumber number;
  bool year = false;          // "2024 年": a year, not a figure
  string_view unit;           // what follows: 万元, 元, 分, %, …
};

// The bytes the clause scan stops at: kDelimiterLead where a delimiter may
// start (',', ';', a line end, the lead bytes of ，。；：！？), kDigit at a
// digit (the clause holds a figure); 0 elsewhere.
constexpr unsigned char kDelimiterLead = 1, kDigit = 2;
constexpr std::array<unsigned char, 256> kScanStop = [] {
  std::array<unsigned char, 256> stop{};
  for (unsigned char c : {',', ';', '\n'}) stop[c] = kDelimiterLead;
  stop[0xE3] = stop[0xEF] = kDelimiterLead;
  for (unsigned char c = '0'; c <= '9'; ++c) stop[c] = kDigit;
  return stop;
}();

// The length of the clause delimiter at s[i] (，。；：！？, ',' ';' and a line
// end), 0 when there is none. `paragraph`: only a line end counts.
size_t DelimiterAt(string_view s, size_t i, bool paragraph = false) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == '\n') return 1;
  if (paragraph) return 0;
  if (c == ';') return 1;
  // A comma between digits is a thousands separator, not a clause end.
  if (c == ',') return i > 0 && i + 1 < s.size() && IsDigit(s[i - 1]) && IsDigit(s[i + 1]) ? 0 : 1;
  if (i + 2 >= s.size()) return 0;
  const unsigned char b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  if (c == 0xE3) return b1 == 0x80 && b2 == 0x82 ? 3 : 0;  // 。
  if (c == 0xEF && b1 == 0xBC)                               // ，；：！？
    return b2 == 0x8C || b2 == 0x9B || b2 == 0x9A || b2 == 0x81 || b2 == 0x9F ? 3 : 0;
  return 0;
}

// The numbers of a clause, in order.
std::vector<TextNumber> Numbers(string_view file, size_t from, size_t to) {
  std::vector<TextNumber> out;
  size_t i = from;
  while (i < to) {
    if (!IsDigit(file[i]) || (i > from && (IsDigit(file[i - 1]) || file[i - 1] == '.' ||
                                            std::isalpha(static_cast<unsigned char>(file[i - 1]))))) {
      ++i;
      continue;
    }
    TextNumber n;
    size_t b = i;
    bool negative = false;
    if (b > from && file[b - 1] == '-') negative = true, --b;
    else if (b >= from + 3 && (file.compare(b - 3, 3, "\xE2\x88\x92") == 0 || file.compare(b - 3, 3, "\xEF\xBC\x8D") == 0))
      negative = true, b -= 3;
    size_t e = i;
    while (e < to && (IsDigit(file[e]) || (file[e] == ',' && e + 1 < to && IsDigit(file[e + 1])) ||
                      (file[e] == '.' && e + 1 < to && IsDigit(file[e + 1]))))
      ++e;
    string_view rest = TrimLeft(file.substr(e, to - e));
    const bool percent = (!rest.empty() && rest[0] == '%') || rest.substr(0, 3) == "\xEF\xBC\x85";
    n.begin = b;
    n.end = e;
    n.written.reserve(e - i + 2);
    if (negative) n.written += '-';
    for (size_t k = i; k < e; ++k)
      if (file[k] != ',') n.written += file[k];
    // "2024 年": four digits and 年, a year.
    n.year = n.written.size() == 4 && !negative && n.written.find('.') == std::string::npos && rest.substr(0, 3) == "\xE5\xB9\xB4";
    if (percent) n.written += '%';
    n.unit = rest.substr(0, std::min<size_t>(rest.size(), 6));
    if (auto parsed = ParseStatedNumber(n.written, {})) {
      n.number = std::move(*parsed);
      n.number.text.assign(file.data() + b, e - b);
      if (percent) n.number.text += '%';
      out.push_back(std::move(n));
    }
    i = e;
  }
  return out;
}

// What a figure is compared with: its value, what it is, and how it is made.
struct Expected {
  Decimal value;
  std::string subject;  // "2024 年末结余"
  std::string how;      // "按资金结余表（年初 … + 收入 … − 支出 …）"
  std::string unit;
};

// The words a stated grade follows: "评价等级为“良”".
constexpr std::array<string_view, 5> kGradeWords = {"等级为", "等级是", "评定为", "评价结果为", "绩效等级"};

class NarrativeChecker {
 public:
  NarrativeChecker(const ScoredProject& sp, std::vector<Finding>& out) : sp_(sp), p_(*sp.project), out_(out) {
    for (const auto& r : p_.funds.sources) rows_.push_back(&r);
    for (const auto& r : p_.funds.uses) rows_.push_back(&r);
    std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
      // A name of two characters or more; 一级 names such as 决策 included.
      if (s.def->name.size() >= 6) indicators_.push_back(&s);
      for (const auto& c : s.children) walk(c);
    };
    for (const auto& r : sp_.roots) walk(r);
    for (const auto& y : p_.funds.balances) money_.push_back(y.opening), money_.push_back(y.income),
        money_.push_back(y.spending), money_.push_back(y.closing), money_.push_back(y.income - y.spending);
    Decimal in, use;
    for (const auto& r : p_.funds.sources) money_.push_back(r.amount), in += r.amount;
    for (const auto& r : p_.funds.uses) money_.push_back(r.amount), use += r.amount;
    if (!p_.funds.sources.empty()) money_.push_back(in);
    if (!p_.funds.uses.empty()) money_.push_back(use);
  }

  void File(const NarrativeFile& f) {
    string_view s = f.text;
    // Most files state no grade: their clauses are not searched for one.
    // (Boyer-Moore-Horspool: the words' lead bytes are common in Chinese
    // text, so a search by the first byte would stop at most characters.)
    static const auto searchers = [] {
      std::vector<std::boyer_moore_horspool_searcher<string_view::const_iterator>> v;
      for (string_view key : kGradeWords) v.emplace_back(key.begin(), key.end());
      return v;
    }();
    grade_words_ = false;
    for (const auto& search : searchers)
      if (std::search(s.begin(), s.end(), search) != s.end()) grade_words_ = true;
    std::optional<std::string> paragraph_year;
    size_t start = 0;
    bool figures = false;  // the clause so far holds a digit
    for (size_t i = 0; i <= s.size();) {
      // Only the bytes of kScanStop need a look: the others are passed at once.
      unsigned char stop = 0;
      while (i < s.size() && !(stop = kScanStop[static_cast<unsigned char>(s[i])])) ++i;
      if (stop == kDigit) {
        figures = true;
        ++i;
        continue;
      }
      const size_t d = i < s.size() ? DelimiterAt(s, i) : 1;
      if (d == 0) {
        ++i;
        continue;
      }
      Clause(f, s, start, i, figures, paragraph_year);
      figures = false;
      // A year named in a paragraph holds for its later clauses ("2023 年…实际支出 …。当年资金结余 …").
      if (i < s.size() && DelimiterAt(s, i, true)) paragraph_year.reset();
      i += d;
      start = i;
    }
  }

 private:
  // `figures`: the clause holds a digit (else only its grade is read).
  void Clause(const NarrativeFile& f, string_view file, size_t from, size_t to, bool figures,
              std::optional<std::string>& paragraph_year) {
    if (to <= from) return;
    size_t segment = from;  // where the words about the next figure begin: after the previous figure
    for (const auto& n : figures ? Numbers(file, from, to) : std::vector<TextNumber>()) {
      if (n.year) {
        paragraph_year = n.written;
        continue;
      }
      string_view words = file.substr(segment, n.begin - segment);
      string_view clause = file.substr(from, n.begin - from);
      segment = n.end;
      std::optional<Expected> want;
      if (n.unit.substr(0, 6) == "万元" || n.unit.substr(0, 3) == "元")
        want = Money(words, clause, n, paragraph_year);
      else if (n.unit.substr(0, 3) == "分" && n.unit.substr(0, 6) != "分之" && !n.number.percent)
        want = Score(words);
      else if (n.number.percent)
        want = Named(words);
      if (want) Compare(f, file, n, *want);
    }
    if (grade_words_) Grade(f, file, from, to);
  }

  // The money figure a clause names: a fund row, a year's balance, 到位 or
  // 支出; else a figure one unit off a computed one (a rounding slip).
  // `before` holds the words since the previous figure of the clause,
  // `clause` the clause up to this figure.
  std::optional<Expected> Money(string_view before, string_view clause, const TextNumber& n,
                                const std::optional<std::string>& paragraph_year) {
    if (n.unit.substr(0, 3) == "\xE5\x85\x83" ? p_.funds.unit != "元" : p_.funds.unit != "万元") return std::nullopt;
    // A change, a share or a standard is not the figure itself.
    if (HasAny(before, {"增长", "增加", "减少", "下降", "相差", "差额", "较上年", "同比", "占", "人均", "平均", "标准",
                        "预算", "计划", "超过", "不足", "以上", "以下", "未支出", "未到位", "未使用"}))
      return std::nullopt;
    // The longest fund row named in the clause.
    const FundRow* row = nullptr;
    for (const FundRow* r : rows_)
      if (r->name.size() >= 6 && Has(before, r->name) && (!row || r->name.size() > row->name.size())) row = r;
    if (row) return Expected{row->amount, row->name, "按资金表", p_.funds.unit};
    std::optional<std::string> year = YearOf(paragraph_year);
    const FundYear* y = Find(year);
    if (Has(before, "结余") || Has(before, "结转")) {
      const bool net = Has(before, "当年") || Has(before, "本年");
      const bool opening = Has(before, "年初");
      // "2023 年度结转结余" in a table of 2024 alone: the next year's 年初.
      if (!y && year && !net && !opening)
        if (const FundYear* next = Find(std::to_string(std::stoi(*year) + 1)))
          return Expected{next->opening, *year + " 年末结余", "按资金结余表 " + next->year + " 年初结余", p_.funds.unit};
      if (!y) return std::nullopt;
      if (net)
        return Expected{y->income - y->spending, y->year + " 年当年结余",
                        fmt::format("按收入 {} − 支出 {}", Show(y->income), Show(y->spending)), p_.funds.unit};
      if (opening) return Expected{y->opening, y->year + " 年初结余", "按资金结余表", p_.funds.unit};
      return Expected{y->opening + y->income - y->spending, y->year + " 年末结余",
                      fmt::format("按年初 {} + 收入 {} − 支出 {}", Show(y->opening), Show(y->income), Show(y->spending)),
                      p_.funds.unit};
    }
    // A part ("其中 …") is only compared by its row's name, above.
    if (Has(clause, "其中") || Has(clause, "包含") || Has(clause, "包括")) return std::nullopt;
    // The year's whole 到位 or 支出, as the words say it: a part of it
    // ("市区两级财政补助收入") is not.
    const bool income = HasAny(before, {"实际到位", "到位资金", "资金到位", "总计下达", "共下达", "合计下达",
                                        "实际筹集", "筹集规模", "到位总额", "收入合计", "收入总额"});
    const bool spending = HasAny(before, {"实际支出", "支出总额", "支付总额", "共支出", "支出合计", "实际支付",
                                          "资金支出", "累计支出"});
    if (income != spending) {
      if (y) return Expected{income ? y->income : y->spending, y->year + (income ? " 年资金到位" : " 年资金支出"),
                             "按资金结余表", p_.funds.unit};
      if (p_.funds.balances.empty()) {
        const auto& rows = income ? p_.funds.sources : p_.funds.uses;
        if (rows.size() > 1) {
          Decimal sum;
          std::string parts;
          for (const auto& r : rows) sum += r.amount, parts += (parts.empty() ? "" : " + ") + Show(r.amount);
          return Expected{sum, income ? "资金到位合计" : "资金支出合计", "按资金表各项 " + parts, p_.funds.unit};
        }
      }
      return std::nullopt;
    }
    // Not named: a figure one unit in its last place off a computed one.
    const StatedNumber& s = n.number;
    if (s.places < 2 || s.value.Abs() < Decimal(100)) return std::nullopt;
    const Decimal unit = Decimal(1) / Pow10(s.places);
    std::optional<Decimal> near;
    for (const Decimal& m : money_) {
      Decimal at = m.Round(s.places);
      if (at == s.value) return std::nullopt;
      if ((at - s.value).Abs() == unit) near = m;
    }
    if (near) return Expected{*near, "金额", "项目资金数据中相差一个尾数的金额为 " + Show(*near), p_.funds.unit};
    return std::nullopt;
  }

  // The year a clause speaks of: the last the paragraph has named up to the
  // figure (Clause keeps it, the clause's own included), else the only
  // balance year there is.
  std::optional<std::string> YearOf(const std::optional<std::string>& paragraph_year) const {
    if (paragraph_year) return paragraph_year;
    if (p_.funds.balances.size() == 1) return p_.funds.balances[0].year;
    return std::nullopt;
  }
  const FundYear* Find(const std::optional<std::string>& year) const {
    if (year)
      for (const auto& y : p_.funds.balances)
        if (y.year == *year) return &y;
    return nullptr;
  }

  // "综合得分 90.71 分", "决策指标得分 18 分", "… 得 4 分": the total, else the
  // indicator the clause names last. Only a figure right after 得分/得/总分.
  std::optional<Expected> Score(string_view before) {
    string_view tail = TrimRight(before);
    for (string_view w : {"为", "是"})
      if (EndsWith(tail, w)) tail = TrimRight(tail.substr(0, tail.size() - w.size()));
    if (!(EndsWith(tail, "得分") || EndsWith(tail, "得") || EndsWith(tail, "总分") || EndsWith(tail, "评分")))
      return std::nullopt;
    if (HasAny(tail, {"扣", "满分", "分值", "权重", "标准分"})) return std::nullopt;
    string_view near = tail.substr(tail.size() > 24 ? tail.size() - 24 : 0);
    if (HasAny(near, {"综合得分", "总得分", "总分", "综合评分", "最终得分", "评价得分"}))
      return Expected{sp_.total, "综合得分", "按各一级指标得分之和" +
                                               (sp_.deductions.IsZero() ? std::string() : " − 减分"), "分"};
    const ScoredIndicator* named = nullptr;
    size_t at = 0;
    for (const ScoredIndicator* s : indicators_) {
      size_t pos = LastOf(tail, s->def->name);
      if (pos == string_view::npos) continue;
      // The one named last; of two at one place, the longer name.
      if (!named || pos > at || (pos == at && s->def->name.size() > named->def->name.size())) named = s, at = pos;
    }
    if (!named) return std::nullopt;
    // Another figure between the name and 得 belongs to something else.
    for (const auto& n : Numbers(tail, at, tail.size()))
      if (!n.year) return std::nullopt;
    return Expected{named->score, named->def->code + " " + named->def->name + " 得分", "按评分规则", "分"};
  }

  // A named value with its percent sign: "预算执行率为 90.56%".
  std::optional<Expected> Named(string_view before) {
    const ResolvedValue* named = nullptr;
    size_t at = 0;
    for (const auto& v : sp_.values) {
      if (!v.percent || v.name.size() < 9 || v.name.find('.') != std::string::npos) continue;
      size_t pos = LastOf(before, v.name);
      if (pos == string_view::npos) continue;
      if (!named || pos > at) named = &v, at = pos;
    }
    if (!named) return std::nullopt;
    for (const auto& n : Numbers(before, at, before.size()))
      if (!n.year) return std::nullopt;
    if (HasAny(before.substr(at), {"目标", "计划", "标准", "不低于", "≥", "以上"})) return std::nullopt;
    return Expected{named->value, named->name,
                    named->formula.empty() ? "按项目数据" : "按 " + named->formula, ""};
  }

  // "评价等级为“良”": the grade the text states against the computed one.
  void Grade(const NarrativeFile& f, string_view file, size_t from, size_t to) {
    string_view c = file.substr(from, to - from);
    for (string_view key : kGradeWords) {
      size_t k = c.find(key);
      if (k == string_view::npos) continue;
      size_t i = k + key.size();
      string_view rest = TrimLeft(c.substr(i));
      for (string_view q : {"\xE2\x80\x9C", "\"", "\xE3\x80\x8C"})
        if (rest.substr(0, q.size()) == q) rest.remove_prefix(q.size());
      for (const auto& band : sp_.system().grades) {
        if (rest.substr(0, band.name.size()) != band.name) continue;
        // "优秀" for 优 is the same grade; "优良" is not one.
        if (band.name != sp_.grade) {
          size_t pos = static_cast<size_t>(rest.data() - file.data());
          Add(f, file, pos, band.name, sp_.grade, "评价等级",
              fmt::format("正文写评价等级为“{}”，按综合得分 {} 分应为“{}”。", band.name,
                          sp_.total.ToFixed(kScorePlaces), sp_.grade));
        }
        return;
      }
    }
  }

  void Compare(const NarrativeFile& f, string_view file, const TextNumber& n, const Expected& e) {
    const StatedNumber& s = n.number;
    Decimal want = e.value.Round(s.places + (s.percent ? kPercentShiftPlaces : 0));
    if (want == s.value) return;
    std::string shown = s.percent ? want.ToPercent(s.places)
                        : e.unit == "分" ? e.value.Round(kScorePlaces).ToFixed(kScorePlaces)
                                          : e.value.ToShort(std::max(kExpectedMinPlaces, s.places));
    std::string unit = e.unit == "分" ? " 分" : e.unit.empty() ? "" : " " + e.unit;
    Add(f, file, n.begin, s.text, shown, e.subject,
        fmt::format("正文写{}为 {}{}，{}，应为 {}{}。", e.subject, s.text, unit, e.how, shown, unit));
  }

  void Add(const NarrativeFile& f, string_view file, size_t pos, const std::string& stated,
           const std::string& expected, const std::string& subject, const std::string& message) {
    SourceLoc loc;
    loc.file = f.path;
    loc.line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < pos; ++i)
      if (file[i] == '\n') ++loc.line, line_start = i + 1;
    loc.column = static_cast<int>(pos - line_start) + 1;  // in bytes, as every diagnostic counts
    Finding fd;
    fd.severity = Severity::kWarning;
    fd.kind = "text-figure";
    fd.loc = loc;
    fd.subject = "正文 " + subject;
    fd.stated = stated;
    fd.expected = expected;
    fd.message = message;
    out_.push_back(std::move(fd));
  }

  std::string Show(const Decimal& v) const { return v.ToShort(kMoneyPlaces); }
  static Decimal Pow10(int n) {
    Decimal p(1);
    for (int i = 0; i < n; ++i) p = p * Decimal(10);
    return p;
  }

  const ScoredProject& sp_;
  const Project& p_;
  std::vector<Finding>& out_;
  std::vector<const FundRow*> rows_;
  std::vector<const ScoredIndicator*> indicators_;
  std::vector<Decimal> money_;
  bool grade_words_ = false;  // the file being read names a grade somewhere
};

}  // namespace

std::vector<Finding> CheckNarrative(const ScoredProject& sp, const std::vector<NarrativeFile>& files) {
  std::vector<Finding> out;
  NarrativeChecker c(sp, out);
  for (const auto& f : files) c.File(f);
  return out;
}

}  // namespace jixiao
