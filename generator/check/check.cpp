#include "check/check.h"

#include "base/folder_name.h"
#include "base/messages.h"
#include "base/precision.h"
#include "load/load.h"
#include "rules/kinds/target.h"
#include "rules/target_value.h"

#include <algorithm>
#include <functional>

namespace jixiao {
namespace {

class Checker {
 public:
  Checker(const ScoredProject& sp, const CheckOptions& opt, CheckResult& out)
      : sp_(sp), p_(*sp.project), st_(p_.stated), opt_(opt), out_(out) {}

  void Run() {
    Defects();
    Blanks();
    Scores();
    Total();
    Values();
    Surveys();
    Balances(p_.funds.balances, "资金结余表（项目数据）");
    StatedBalances();
    Tables();
    Figures();
    Names();
    Targets();
  }

 private:
  // The exact value rounded the way the stated figure is written.
  static Decimal AtPrecision(const Decimal& exact, const StatedNumber& s) {
    return exact.Round(s.places + (s.percent ? kPercentShiftPlaces : 0));
  }
  static std::string Show(const Decimal& v, const StatedNumber& s) {
    return s.percent ? v.ToPercent(s.places) : v.ToFixed(s.places);
  }
  static std::string Money(const Decimal& v) { return v.ToShort(kMoneyPlaces); }

  void Add(Severity sev, const std::string& kind, const SourceLoc& loc, const std::string& code,
           const std::string& subject, const std::string& stated, const std::string& expected,
           const std::string& message, const Text& effect = {}) {
    out_.findings.push_back(Finding{sev, kind, loc, code, subject, stated, expected, message, effect.zh, "", effect.en});
  }

  // Compares a stated figure with its exact value; returns true when they agree.
  bool Compare(const std::string& kind, const StatedNumber& s, const Decimal& exact,
               const std::string& code, const std::string& subject, const std::string& how,
               const Text& effect = {}) {
    Decimal want = AtPrecision(exact, s);
    if (want == s.value) return true;
    Decimal diff = (want - s.value).Abs();
    bool within = opt_.tolerance.Sign() > 0 && diff <= opt_.tolerance;
    // What it should be, shown at the stated precision, but never so coarse
    // that it hides the value (a stated "8" against 0.14 reads "0.14", not "0").
    // Scores at the scores' precision (10.40, not 10.4), whatever the document wrote.
    const bool score = kind == "rule-score" || kind == "parent-sum" || kind == "total";
    std::string shown = s.percent ? Show(want, s)
                        : score   ? exact.Round(kScorePlaces).ToFixed(kScorePlaces)
                                  : exact.ToShort(std::max(kExpectedMinPlaces, s.places));
    Add(within ? Severity::kWarning : Severity::kError, kind, s.loc, code, subject, s.text, shown,
        fmt::format("{}：报告为 {}，{}应为 {}{}。", subject, s.text, how.empty() ? "" : how + "，",
                    shown, within ? fmt::format("（差 {}，在容差 {} 内）", Show(diff, s), opt_.tolerance.ToShort(kWrittenFigurePlaces)) : ""),
        effect);
    out_.findings.back().where = s.where;
    return false;
  }

  // The stated grade (as written, else the band of the stated total) against the reviewed one.
  Text GradeEffect(const Decimal& stated_total) {
    std::string a = st_.grade ? st_.grade->text : GradeFor(sp_.system(), stated_total), b = sp_.grade;
    if (a == b) return Format(msg::kGradeUnchanged, b);
    return Format(msg::kGradeChanged, a, b);
  }

  void Scores() {
    // Parents against their children, leaves against their rule, in system order.
    std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
      const Indicator& d = *s.def;
      std::string subject = d.code + " " + d.name + " 得分";
      auto it = st_.scores.find(d.code);
      if (it != st_.scores.end()) {
        const StatedNumber& stated = it->second;
        if (stated.value > d.weight)
          Add(Severity::kError, "score-above-weight", stated.loc, d.code, subject, stated.text,
              "≤ " + d.weight.ToShort(kScorePlaces), fmt::format("{}：报告为 {} 分，超过该指标满分 {} 分。", subject,
                                                     stated.text, d.weight.ToShort(kScorePlaces)));
        if (!s.children.empty()) {
          // A parent is the sum of its children as the document states them
          // where it states them all, else as jixiao computes them.
          Decimal sum;
          bool all_stated = true;
          std::string parts;
          for (const auto& c : s.children) {
            auto ci = st_.scores.find(c.def->code);
            Decimal v = ci != st_.scores.end() ? ci->second.value : c.score;
            all_stated = all_stated && ci != st_.scores.end();
            sum += v;
            parts += (parts.empty() ? "" : " + ") + v.ToFixed(kScorePlaces);
          }
          Compare("parent-sum", stated, sum, d.code, subject,
                  fmt::format("其下级指标{}得分 {} = {}", all_stated ? "所报" : "", parts, sum.ToFixed(kScorePlaces)));
        } else {
          Compare("rule-score", stated, s.score, d.code, subject,
                  "按评分规则和所报数据（" + s.explanation + "）");
        }
      }
      auto rt = st_.rates.find(d.code);
      if (rt != st_.rates.end() && d.weight.Sign() > 0) {
        Decimal score = it != st_.scores.end() ? it->second.value : s.score;
        Compare("score-rate", rt->second, score / d.weight, d.code, d.code + " " + d.name + " 得分率",
                fmt::format("按 {} ÷ {}", score.ToFixed(kScorePlaces), d.weight.ToShort(kScorePlaces)));
      }
      for (const auto& c : s.children) walk(c);
    };
    for (const auto& r : sp_.roots) walk(r);
  }

  void Total() {
    const IndicatorSystem& sys = sp_.system();
    if (st_.deductions && sys.deduction_cap && st_.deductions->value.Abs() > *sys.deduction_cap)
      Add(Severity::kError, "deduction-cap", st_.deductions->loc, "", "减分", st_.deductions->text,
          "≤ " + sys.deduction_cap->ToShort(kScorePlaces),
          fmt::format("减分：报告为 {} 分，超过减分上限 {} 分。", st_.deductions->text,
                      sys.deduction_cap->ToShort(kScorePlaces)));
    if (st_.total) {
      const StatedNumber& t = *st_.total;
      Compare("total", t, sp_.total, "", "综合得分",
              fmt::format("按各一级指标得分之和 {}{}", sp_.sum.ToFixed(kScorePlaces),
                          sp_.deductions.IsZero() ? "" : " − 减分 " + sp_.deductions.ToFixed(kScorePlaces)),
              GradeEffect(t.value));
    }
    if (st_.grade) {
      const StatedText& g = *st_.grade;
      if (st_.total) {
        std::string band = GradeFor(sys, st_.total->value);
        if (band != g.text)
          Add(Severity::kError, "grade-band", g.loc, "", "评价等级", g.text, band,
              fmt::format("评价等级：报告为“{}”，而所报总分 {} 按等级区间应为“{}”。", g.text, st_.total->text, band));
      }
      if (sp_.grade != g.text)
        Add(Severity::kError, "grade", g.loc, "", "评价等级", g.text, sp_.grade,
            fmt::format("评价等级：报告为“{}”，按重新计算的总分 {} 应为“{}”。", g.text, sp_.total.ToFixed(kScorePlaces), sp_.grade),
            Format(msg::kGradeChanged, g.text, sp_.grade));
    }
  }

  // What reading the submitted form met: each a finding of its own.
  void Defects() {
    for (const auto& d : st_.defects)
      Add(d.severity, d.kind, d.loc, d.code, d.subject, d.stated, d.expected, d.message);
  }

  // 得分 cells and the 合计 a submitted form left blank: errors, with the
  // figure the rule gives where it can be derived.
  void Blanks() {
    for (const auto& [code, loc] : st_.blank_scores) {
      const ScoredIndicator* s = sp_.Find(code);
      if (!s) continue;
      const TargetEvaluation* ev = TargetEvaluation::Of(s->reading.get());
      std::string subject = code + " " + s->def->name + " 得分";
      bool derivable = !(ev && (ev->qualitative || ev->blank_target)) &&
                       !(ev && ev->actual_text.empty());
      if (derivable)
        Add(Severity::kError, "blank-score", loc, code, subject, "", s->score.ToFixed(kScorePlaces),
            fmt::format("{}：未填写得分；按评分规则和所填数据应为 {} 分（{}）。", subject,
                        s->score.Round(kScorePlaces).ToFixed(kScorePlaces), s->explanation));
      else
        Add(Severity::kError, "blank-score", loc, code, subject, "", "",
            fmt::format("{}：未填写得分，{}，审核按 0 分计。", subject,
                        ev && ev->qualitative ? "定性指标须评定档次和得分" : "所填数据不足以按规则计分"));
    }
    if (st_.blank_total)
      Add(Severity::kError, "blank-total", *st_.blank_total, "", "总分", "", sp_.total.ToFixed(kScorePlaces),
          fmt::format("总分未填写；按各项审核得分合计为 {} 分，等级“{}”。",
                      sp_.total.Round(kScorePlaces).ToFixed(kScorePlaces), sp_.grade));
  }

  void Values() {
    for (const auto& [name, s] : st_.values) {
      const ResolvedValue* v = sp_.Value(name);
      if (!v) {
        Add(Severity::kWarning, "unverifiable", s.loc, "", name, s.text, "",
            fmt::format("{}：报告为 {}，项目数据中没有可据以核对的数据。", name, s.text));
        continue;
      }
      Compare("stated-value", s, v->value, "", name,
              v->formula.empty() ? "按项目数据" : "按 " + v->formula);
    }
  }

  void Surveys() {
    for (const auto& ss : st_.surveys) {
      const Survey* sv = nullptr;
      for (const auto& s : p_.surveys)
        if (s.id == ss.id) sv = &s;
      if (!sv) {
        Add(Severity::kWarning, "unverifiable", ss.loc, "", "问卷 " + ss.id, "", "",
            fmt::format("问卷 {}：项目数据中没有该问卷的人数，无法核对。", ss.id));
        continue;
      }
      Decimal counted;
      for (const auto& c : sv->counts) counted += c;
      std::string title = "问卷 " + ss.id + (sv->title.empty() ? "" : "“" + sv->title + "”");
      Decimal base = counted;
      if (ss.total) {
        if (ss.total->value != counted)
          Add(Severity::kError, "survey-total", ss.total->loc, "", title + " 小计", ss.total->text,
              counted.ToShort(kCountPlaces),
              fmt::format("{} 小计：报告为 {} 人，各选项人数之和为 {} 人。", title, ss.total->text, counted.ToShort(kCountPlaces)));
        base = ss.total->value;  // the document's shares are made of its own total
      }
      if (!ss.shares.empty() && ss.shares.size() != sv->counts.size()) {
        Add(Severity::kWarning, "unverifiable", ss.loc, "", title, "", "",
            fmt::format("{}：报告列出 {} 个占比，项目数据有 {} 个选项，无法逐项核对。", title,
                        ss.shares.size(), sv->counts.size()));
      } else if (!base.IsZero()) {
        for (size_t i = 0; i < ss.shares.size(); ++i)
          Compare("survey-share", ss.shares[i], sv->counts[i] / base, "",
                  title + " “" + sv->options[i] + "”占比",
                  fmt::format("按 {} ÷ {}", sv->counts[i].ToShort(kCountPlaces), base.ToShort(kCountPlaces)));
      }
      if (ss.mean && !sv->items.empty()) {
        Decimal sum;
        for (const auto& [n, r] : sv->items) sum += r;
        Compare("survey-mean", *ss.mean, sum / Decimal(static_cast<long>(sv->items.size())), "",
                title + " 平均满意度", fmt::format("按 {} 项满意度的平均", sv->items.size()));
      }
    }
  }

  // 年初 + 收入 − 支出 = 年末, 当年结余 = 收入 − 支出, and each 年末 is the next 年初.
  void Balances(const std::vector<FundYear>& years, const std::string& where) {
    const std::string& unit = p_.funds.unit;
    for (size_t i = 0; i < years.size(); ++i) {
      const FundYear& y = years[i];
      Decimal want = y.opening + y.income - y.spending;
      if (want != y.closing)
        Add(Severity::kError, "balance-identity", y.loc, "", where + " " + y.year + " 年末结余",
            Money(y.closing), Money(want),
            fmt::format("{} {} 年末结余：报告为 {}，年初 {} + 收入 {} − 支出 {} = {}（{}），差 {} {}未说明。",
                        where, y.year, Money(y.closing), Money(y.opening), Money(y.income),
                        Money(y.spending), Money(want), unit, Money((y.closing - want).Abs()), unit));
      if (i + 1 < years.size() && years[i + 1].opening != y.closing)
        Add(Severity::kError, "balance-carry", years[i + 1].loc, "", where + " " + years[i + 1].year + " 年初结余",
            Money(years[i + 1].opening), Money(y.closing),
            fmt::format("{} {} 年初结余 {} 与上年 {} 年末结余 {} 不一致。", where, years[i + 1].year,
                        Money(years[i + 1].opening), y.year, Money(y.closing)));
    }
  }

  void StatedBalances() {
    const std::string& unit = p_.funds.unit;
    const std::string where = "资金结余表";
    for (size_t i = 0; i < st_.balances.size(); ++i) {
      const StatedYear& y = st_.balances[i];
      if (y.income && y.spending && y.net)
        Compare("balance-net", *y.net, y.income->value - y.spending->value, "",
                where + " " + y.year + " 当年结余",
                fmt::format("按收入 {} − 支出 {}", y.income->text, y.spending->text));
      if (y.opening && y.income && y.spending && y.closing) {
        Decimal want = y.opening->value + y.income->value - y.spending->value;
        if (!Compare("balance-identity", *y.closing, want, "", where + " " + y.year + " 年末结余",
                     fmt::format("按年初 {} + 收入 {} − 支出 {}", y.opening->text, y.income->text,
                                 y.spending->text))) {
          out_.findings.back().message += fmt::format("差 {} {}未说明。",
                                                      Money((y.closing->value - want).Abs()), unit);
        }
      }
      if (i + 1 < st_.balances.size() && y.closing && st_.balances[i + 1].opening &&
          st_.balances[i + 1].opening->value != y.closing->value) {
        const StatedYear& next = st_.balances[i + 1];
        Add(Severity::kError, "balance-carry", next.opening->loc, "", where + " " + next.year + " 年初结余",
            next.opening->text, y.closing->text,
            fmt::format("{} {} 年初结余 {} 与上年 {} 年末结余 {} 不一致。", where, next.year,
                        next.opening->text, y.year, y.closing->text));
      }
    }
  }

  void Tables() {
    for (const auto& t : st_.tables) {
      if (!t.total) continue;
      Decimal sum;
      for (const auto& [n, v] : t.rows) sum += v.value;
      Compare("table-total", *t.total, sum, "", t.title + " 合计",
              fmt::format("按 {} 行之和", t.rows.size()));
    }
  }

  void Figures() {
    for (const auto& f : st_.figures) {
      for (size_t i = 1; i < f.mentions.size(); ++i) {
        const auto& [w0, v0] = f.mentions[0];
        const auto& [wi, vi] = f.mentions[i];
        if (vi.value == v0.value) continue;
        Decimal diff = (vi.value - v0.value).Abs();
        bool within = opt_.tolerance.Sign() > 0 && diff <= opt_.tolerance;
        Add(within ? Severity::kWarning : Severity::kError, "figure-mismatch", vi.loc, "", f.name,
            vi.text, v0.text,
            fmt::format("{}：{}为 {}，{}为 {}，前后不一致{}。", f.name, w0, v0.text, wi, vi.text,
                        within ? fmt::format("（差 {}，在容差 {} 内）", diff.ToShort(kWrittenFigurePlaces), opt_.tolerance.ToShort(kWrittenFigurePlaces)) : ""));
      }
    }
  }

  void Names() {
    for (const auto& [code, t] : st_.names) {
      const Indicator* ind = sp_.system().Find(code);
      if (!ind) {
        Add(Severity::kWarning, "unverifiable", t.loc, code, "指标 " + code, t.text, "",
            fmt::format("指标 {}：指标体系中没有该编码。", code));
      } else if (ind->name != t.text) {
        Add(Severity::kWarning, "indicator-name", t.loc, code, "指标 " + code + " 名称", t.text, ind->name,
            fmt::format("指标 {} 在{}称为“{}”，在评分表中称为“{}”，同一指标名称不一致。", code,
                        t.where.empty() ? "报告其他处" : t.where, t.text, ind->name));
      }
    }
  }

  // What reviewers of a 自评表 look for beyond the arithmetic: a shortfall or
  // a completion ≥ 130% without a 偏差原因, a cost indicator written "≥".
  void Targets() {
    std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
      for (const auto& c : s.children) walk(c);
      const Indicator& d = *s.def;
      if (!s.children.empty() || !d.rule || d.rule->kind != RuleKind::kTarget) return;
      auto it = p_.answers.find(d.code);
      const Answer* a = it == p_.answers.end() ? nullptr : &it->second;
      if (a && a->not_applicable) return;
      const bool has_reason = a && ((!a->deviation_reason.empty() && !IsTemplateText(a->deviation_reason)) ||
                                    (!a->reason.empty() && !IsTemplateText(a->reason)));
      const SourceLoc at = a ? a->loc : d.loc;
      std::string subject = d.code + " " + d.name;
      // What scoring read off the target (rules/kinds/target.cpp), kept on the leaf.
      const TargetEvaluation* ev = TargetEvaluation::Of(s.reading.get());
      const bool qualitative = ev ? ev->qualitative : TargetIsQualitative(*d.rule, a);
      const bool blank_score = st_.blank_scores.count(d.code) > 0;
      // A blank 年度指标值 and a blank 实际完成值 are judged alike: errors, scored 0.
      if (ev && ev->blank_target)
        Add(Severity::kError, "blank-target", at, d.code, subject + " 年度指标值", "", "",
            fmt::format("{}：年度指标值未填写，无法按规则计分（审核按 0 分计）。", subject));
      else if (!qualitative && (!a || a->actual.empty()) && d.rule->value.empty() && !(a && a->score))
        Add(Severity::kError, "blank-actual", a ? a->actual_loc : at, d.code, subject + " 实际完成值", "", "",
            fmt::format("{}：实际完成值未填写，无法按规则计分（审核按 0 分计）。", subject));
      if (ev && !ev->unit_assumed.empty())
        Add(Severity::kWarning, "unit-assumed", a ? a->actual_loc : at, d.code, subject + " 实际完成值", a ? a->actual : "",
            a ? a->actual + ev->unit_assumed : "",
            fmt::format("{}：实际完成值“{}”未写单位，按年度指标值“{}”的单位“{}”计。", subject, a ? a->actual : "",
                        ev->target_text, ev->unit_assumed));
      if (qualitative && a && a->score) {
        for (const auto& t : sp_.system().options.tiers) {
          if (t.name != a->tier) continue;
          Decimal w = d.written_weight.value_or(d.weight);
          Decimal lo = t.low * w, hi = t.high * w;
          bool top = t.high >= Decimal(1);
          if (*a->score < lo || *a->score > hi || (!top && *a->score >= hi))
            Add(Severity::kError, "score-outside-tier", a->score_loc, d.code, subject + " 得分",
                a->score->ToFixed(kScorePlaces), fmt::format("{}–{}", lo.ToFixed(kScorePlaces), hi.ToFixed(kScorePlaces)),
                fmt::format("{}：定性评价为“{}”，该档得分应在 {} 至 {} 分{}，报告为 {} 分。", subject, t.name,
                            lo.ToFixed(kScorePlaces), hi.ToFixed(kScorePlaces), top ? "（含）" : "（不含上限）", a->score->ToFixed(kScorePlaces)));
        }
      }
      if (s.Lost() && !has_reason && !blank_score && !(ev && ev->blank_target) &&
          !(a && a->actual.empty() && !qualitative))
        Add(Severity::kWarning, "missing-deviation-reason", at, d.code, subject + " 偏差原因", "", "",
            fmt::format("{}：未完成年度指标值（得 {} 分，满分 {} 分），未填写偏差原因。", subject,
                        s.score.ToFixed(kScorePlaces), d.weight.ToShort(kScorePlaces)));
      // The completion of an 实际完成值 the answer states (one read from a
      // named value is the scoring sentence's to explain).
      const Decimal limit = sp_.system().options.overachievement;
      const bool stated_actual = a && !a->actual.empty();
      if (ev && stated_actual && ev->completion && *ev->completion >= limit && !has_reason)
        Add(Severity::kWarning, "missing-deviation-reason", at, d.code, subject + " 偏差原因", "", "",
            fmt::format("{}：实际完成值为年度指标值的 {}，达到 {} 及以上，未说明偏差原因。", subject,
                        ev->completion->ToPercent(kPercentPlaces), limit.ToPercentShort(kRuleLimitPlaces)));
      // The form's own instruction text left where an answer belongs.
      for (const std::string* field : {a ? &a->actual : nullptr, a ? &a->deviation_reason : nullptr,
                                       a ? &a->reason : nullptr}) {
        if (field && IsTemplateText(*field)) {
          Add(Severity::kWarning, "instruction-text", at, d.code, subject, *field, "",
              fmt::format("{}：填写的是表格的说明文字“{}”，而不是实际内容。", subject, *field));
        }
      }
      // A rate that cannot pass 100% (满意度, 知晓率, 覆盖率 …) stated above it.
      if (a && !a->actual.empty()) {
        TypedValue actual = ParseTypedValue(a->actual);
        bool bounded = false;
        for (const char* word : {"满意度", "知晓率", "覆盖率", "参保率", "合格率", "达标率", "及时率", "到位率"})
          bounded = bounded || d.name.find(word) != std::string::npos;
        if (bounded && actual.IsNumber() && actual.percent && actual.number > Decimal(1))
          Add(Severity::kError, "percent-over-100", at, d.code, subject + " 实际完成值", a->actual, "≤ 100%",
              fmt::format("{}：实际完成值为 {}，该比率不可能超过 100%。", subject, a->actual));
      }
      std::string target = a && !a->target.empty() ? a->target : StatedTarget(*d.rule);
      bool cost = d.name.find("成本") != std::string::npos;
      for (const auto& r : sp_.roots)
        for (const auto& l2 : r.children)
          for (const auto& leaf : l2.children)
            if (leaf.def == &d && l2.def->name.find("成本") != std::string::npos) cost = true;
      if (cost && (target.rfind("≥", 0) == 0 || target.rfind(">=", 0) == 0 || target.find("不低于") != std::string::npos))
        Add(Severity::kWarning, "cost-direction", at, d.code, subject + " 年度指标值", target, "≤ …",
            fmt::format("{}：成本指标的年度指标值写作“{}”，成本指标通常应为“≤”。", subject, target));
    };
    for (const auto& r : sp_.roots) walk(r);
  }

  const ScoredProject& sp_;
  const Project& p_;
  const Stated& st_;
  const CheckOptions& opt_;
  CheckResult& out_;
};

}  // namespace

CheckResult CheckProject(const ScoredProject& sp, const CheckOptions& opt) {
  CheckResult r;
  // What was checked: the project's folder, or the 自评表 file itself.
  const std::string& dir = sp.project->dir;
  const bool bare = dir.empty() || dir == "." || dir == ".." || dir.back() == '/';
  r.target = IsXlsxPath(sp.project->file) ? sp.project->file : bare ? FolderName(dir) : dir;
  r.name = sp.project->info.name;
  r.source = sp.project->stated.source;
  r.stated = sp.project->stated.present;
  Checker(sp, opt, r).Run();
  // 审核得分: each indicator as submitted and as recomputed.
  const Stated& st = sp.project->stated;
  std::function<void(const ScoredIndicator&)> line = [&](const ScoredIndicator& s) {
    ScoreLine l{s.def->code, s.def->name, s.def->weight, std::nullopt, s.score, std::nullopt};
    auto it = st.scores.find(s.def->code);
    std::optional<Decimal> submitted;
    if (it != st.scores.end()) submitted = it->second.value, l.submitted = it->second.text;
    else if (auto a = sp.project->answers.find(s.def->code);
             a != sp.project->answers.end() && a->second.stated_score)
      submitted = *a->second.stated_score, l.submitted = a->second.stated_score->ToFixed(kScorePlaces);
    if (submitted) l.difference = s.score - *submitted;
    r.scores.push_back(l);
    for (const auto& c : s.children) line(c);
  };
  if (r.stated)
    for (const auto& root : sp.roots) line(root);
  if (r.stated && st.total) {
    r.scores.push_back(ScoreLine{"", "综合得分", sp.system().total, st.total->text, sp.total,
                                 sp.total - st.total->value});
  }
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const Finding& a, const Finding& b) {
    return a.severity < b.severity;
  });
  for (const auto& f : r.findings) (f.severity == Severity::kError ? r.errors : r.warnings)++;
  return r;
}

const std::vector<std::pair<std::string, std::string>>& CheckKinds() {
  static const std::vector<std::pair<std::string, std::string>> kinds = [] {
    std::vector<std::pair<std::string, std::string>> k;
    for (const MessageDef& d : msg::kCheckKinds) k.emplace_back(d.id, d.zh);
    return k;
  }();
  return kinds;
}

std::string CheckKindName(const std::string& kind, Language lang) {
  for (const MessageDef& d : msg::kCheckKinds)
    if (kind == d.id) return lang == Language::kEnglish ? d.en : d.zh;
  return kind;
}


std::string FindingMessage(const Finding& f, Language lang) {
  if (lang != Language::kEnglish || f.subject.empty()) return f.message;
  if (f.stated.empty())
    return f.expected.empty() ? Pick(Format(msg::kFindingBlank, f.subject), lang)
                              : Pick(Format(msg::kFindingBlankExpected, f.subject, f.expected), lang);
  if (f.expected.empty()) return Pick(Format(msg::kFindingStated, f.subject, f.stated), lang);
  return Pick(Format(msg::kFindingFigures, f.subject, f.stated, f.expected), lang);
}

const std::string& FindingEffect(const Finding& f, Language lang) {
  return lang == Language::kEnglish && !f.effect_en.empty() ? f.effect_en : f.effect;
}

}  // namespace jixiao
