// The self-evaluation rules: a target indicator (年度指标值 vs 实际完成值)
// and the budget rate (预算执行率), each scored by the system's options and
// explained in one sentence; the 评分说明 of those options; 折算计分.
#include "rules/self_evaluation.h"

#include <algorithm>
#include <functional>

#include "base/messages.h"
#include "score/score.h"

namespace jixiao {
namespace {

using Opt = SelfEvaluationOptions;

std::string Pts(const Decimal& d) { return d.ToShort(2) + " 分"; }
std::string Share(const Decimal& d) { return d.ToPercentShort(2); }

// A number inside a sentence's arithmetic: "63%", "3304".
std::string Num(const TypedValue& like, const Decimal& n) {
  return like.percent ? n.ToPercentShort(4) : n.ToShort(4);
}

std::string TierList(const std::vector<Tier>& tiers) {
  std::string s;
  for (const auto& t : tiers) s += (s.empty() ? "" : ", ") + t.name;
  return s;
}

const Tier* FindTier(const std::vector<Tier>& tiers, const std::string& name) {
  for (const auto& t : tiers)
    if (t.name == name) return &t;
  return nullptr;
}

std::string RescaleNote(const Indicator& ind) {
  if (!ind.written_weight || *ind.written_weight == ind.weight) return "";
  return fmt::format("（折算计分：分值由 {} 折算为 {}）", Pts(*ind.written_weight), Pts(ind.weight));
}

const NamedValue* PlainValue(const Project& p, const std::string& name) {
  for (const auto& v : p.values)
    if (v.name == name) return &v;
  return nullptr;
}

}  // namespace

const char* BudgetBaseName(Opt::BudgetBase b) {
  switch (b) {
    case Opt::BudgetBase::kFullYear: return "全年预算数";
    case Opt::BudgetBase::kAdjusted: return "调整后预算数";
    case Opt::BudgetBase::kReceived: return "实际到位资金";
  }
  return "";
}

bool IsSelfEvaluationRule(const Rule& r) {
  return r.kind == RuleKind::kTarget || r.kind == RuleKind::kBudgetRate;
}

Decimal ScaledAnswerScore(const Indicator& ind, const Decimal& written) {
  if (!ind.written_weight || ind.written_weight->IsZero() || *ind.written_weight == ind.weight)
    return written;
  return written * ind.weight / *ind.written_weight;
}

std::optional<BudgetRateFigures> ComputeBudgetRate(const Project& p, Diagnostics* diags) {
  const Opt& opt = p.system->options;
  BudgetRateFigures f;
  f.base_name = BudgetBaseName(opt.budget_base);
  std::optional<Decimal> executed, base;
  SourceLoc at{p.file};
  auto error = [&](const SourceLoc& loc, const MessageDef& def, const auto&... args) {
    if (diags) diags->Error(loc, "", def, args...);
  };
  if (p.budget.present) {
    at = p.budget.loc;
    f.unit = p.budget.unit;
    executed = p.budget.total.executed;
    switch (opt.budget_base) {
      case Opt::BudgetBase::kFullYear: base = p.budget.total.full_year; break;
      case Opt::BudgetBase::kAdjusted: base = p.budget.total.adjusted; break;
      case Opt::BudgetBase::kReceived: base = p.budget.total.received; break;
    }
    static const char* keys[] = {"full_year", "adjusted", "received"};
    if (!executed) error(at, msg::kBudgetFigureMissing, "全年执行数", "executed");
    if (!base)
      error(at, msg::kBudgetFigureMissing, f.base_name, keys[static_cast<int>(opt.budget_base)]);
  } else {
    const NamedValue* e = PlainValue(p, "全年执行数");
    const NamedValue* b = PlainValue(p, f.base_name);
    if (!e || !b) {
      error(at, msg::kBudgetMissing, f.base_name);
      return std::nullopt;
    }
    executed = e->value;
    base = b->value;
    at = b->loc;
  }
  if (!executed || !base) return std::nullopt;
  if (base->IsZero()) {
    error(at, msg::kBudgetBaseZero, f.base_name);
    return std::nullopt;
  }
  f.executed = *executed;
  f.base = *base;
  f.rate = (*executed / *base).Round(kRatePlaces);
  return f;
}

RuleResult ApplyBudgetRateRule(const Indicator& ind, const Rule&, const RuleInput& in) {
  Diagnostics d;
  auto f = ComputeBudgetRate(*in.project, &d);
  if (!f) throw InputError(d);
  const Opt& opt = in.project->system->options;
  const Decimal w = ind.weight;
  std::string head = fmt::format("预算执行率 = 全年执行数 {} ÷ {} {} = {}", f->executed.ToShort(4),
                                 f->base_name, f->base.ToShort(4), f->rate.ToPercent(2));
  switch (opt.budget_rate) {
    case Opt::BudgetRate::kProportional: {
      Decimal raw = f->rate * w;
      Decimal s = Min(raw, w);
      return {s, fmt::format("{}；得分 = {} × {} = {}{}。", head, f->rate.ToPercent(2), w.ToShort(),
                             Pts(raw.Round(2)), raw > w ? fmt::format("，最高 {}", Pts(w)) : "")};
    }
    case Opt::BudgetRate::kIntervals: {
      for (size_t i = 0; i < opt.intervals.size(); ++i) {
        const auto& iv = opt.intervals[i];
        if (f->rate < iv.min) continue;
        std::string range;
        if (i == 0) range = "不低于 " + Share(iv.min);
        else if (iv.min.IsZero()) range = "低于 " + Share(opt.intervals[i - 1].min);
        else range = fmt::format("在 {}（含）至 {} 之间", Share(iv.min), Share(opt.intervals[i - 1].min));
        Decimal s = iv.share * w;
        return {s, fmt::format("{}，{}，按区间计分得 {}。", head, range, Pts(s))};
      }
      return {Decimal(0), head + "，不在任何计分区间内，得 0 分。"};
    }
    case Opt::BudgetRate::kSteps: {
      if (f->rate >= opt.steps_full_at)
        return {w, fmt::format("{}，不低于 {}，得满分 {}。", head, Share(opt.steps_full_at), Pts(w))};
      Decimal steps = ((opt.steps_full_at - f->rate) / opt.steps_step).Ceil();
      Decimal lost = Min(steps * opt.steps_deduct, w);
      Decimal s = w - lost;
      return {s, fmt::format("{}，低于 {}，每降低 {} 扣 {}（不足一档按一档计），计 {} 档，扣 {}{}，得 {}。",
                             head, Share(opt.steps_full_at), Share(opt.steps_step),
                             Pts(opt.steps_deduct), steps.ToShort(0), Pts(lost),
                             lost >= w ? "（扣完为止）" : "", Pts(s))};
    }
  }
  return {Decimal(0), head};
}

TargetEvaluation EvaluateTarget(const Indicator& ind, const Rule& r, const Answer* a,
                                const Project& p, const std::optional<Decimal>& value,
                                const std::string& value_text, bool value_percent,
                                Diagnostics* diags) {
  const Opt& opt = p.system->options;
  TargetEvaluation ev;
  const Decimal w = ind.weight;
  const Decimal written_w = ind.written_weight.value_or(w);
  const SourceLoc at = a ? a->loc : SourceLoc{p.file};
  bool failed = false;
  auto error = [&](const SourceLoc& loc, const MessageDef& def, const auto&... args) {
    failed = true;
    if (diags) diags->Error(loc, ind.code, def, args...);
  };

  // 年度指标值: the answer's, else the system's.
  const bool own_target = a && !a->target.empty();
  ev.target_text = own_target ? a->target : r.target_text;
  if (ev.target_text.empty()) {
    error(at, msg::kTargetMissing);
    return ev;
  }
  ev.target = ParseTypedValue(ev.target_text);
  TypedValue t = ev.target;
  if (t.kind == ValueKind::kNumber && t.direction == Direction::kNone) t.direction = Direction::kEqual;
  if (t.kind == ValueKind::kLastYear && a && !a->baseline.empty()) {
    TypedValue b = ParseTypedValue(a->baseline);
    if (!b.IsNumber()) {
      error(at, msg::kExpectedNumber, a->baseline);
      return ev;
    }
    t.kind = ValueKind::kNumber;
    t.number = b.number;
    t.percent = b.percent;
    t.unit = b.unit;
  }

  // 实际完成值: the answer's, else the rule's named value.
  SourceLoc actual_loc = at;
  if (a && !a->actual.empty()) {
    ev.actual_text = a->actual;
    actual_loc = a->actual_loc;
    ev.actual = ParseTypedValue(a->actual);
  } else if (value) {
    ev.actual_text = value_text;
    ev.actual.text = value_text;
    ev.actual.kind = ValueKind::kNumber;
    ev.actual.number = *value;
    ev.actual.percent = value_percent;
  }
  const TypedValue& x = ev.actual;
  const bool override = a && a->score.has_value();
  const std::string note = RescaleNote(ind);

  // Qualitative: the evaluator's tier and the point within it.
  if (t.kind == ValueKind::kText || t.kind == ValueKind::kLastYear) {
    ev.qualitative = true;
    if (!a || a->tier.empty() || !a->score) {
      if (p.review) {  // a submission left the 得分 blank: 0 here, a finding in check.cpp
        ev.score = Decimal(0);
        ev.sentence = fmt::format("年度指标值“{}”为定性指标，未评定档次和得分，按 0 分计。", ev.target_text);
        ev.ok = !failed;
        return ev;
      }
      error(at, msg::kQualitativeNeedsTier, ev.target_text, TierList(opt.tiers));
      return ev;
    }
    const Tier* tier = FindTier(opt.tiers, a->tier);
    if (!tier) {
      std::vector<std::string> names;
      for (const auto& tt : opt.tiers) names.push_back(tt.name);
      failed = true;
      if (diags)
        diags->ErrorHint(at, ind.code, NearestName(a->tier, names), msg::kBadChoice, a->tier,
                         TierList(opt.tiers));
      return ev;
    }
    Decimal lo = tier->low * written_w, hi = tier->high * written_w;
    bool top = tier->high >= Decimal(1);
    if ((*a->score < lo || *a->score > hi || (!top && *a->score >= hi)) && !p.review) {
      // Under review the score is kept as submitted and check.cpp reports it.
      error(a->score_loc, msg::kScoreOutsideTier, a->score->ToExactString(), tier->name,
            lo.ToExactString(), hi.ToExactString(), top ? "]" : ")");
      return ev;
    }
    if (a->reason.empty()) {
      error(a->score_loc, msg::kScoreNeedsReason, a->score->ToExactString(), written_w.ToExactString());
      return ev;
    }
    ev.score = ScaledAnswerScore(ind, *a->score);
    ev.met = tier == &opt.tiers.front();
    ev.sentence = fmt::format(
        "年度指标值“{}”为定性指标{}，{}评价为“{}”（分值的 {}–{}），得 {}{}。", ev.target_text,
        t.kind == ValueKind::kLastYear ? "（未给出上年值，由评价组评定）" : "",
        ev.actual_text.empty() ? "" : "实际完成“" + ev.actual_text + "”，", tier->name,
        Share(tier->low), Share(tier->high), Pts(ev.score.Round(2)), note);
    ev.ok = !failed;
    return ev;
  }

  if (ev.actual_text.empty() && !override) {
    if (p.review) {  // a blank 完成值 in a submission: 0 here, a finding in check.cpp
      ev.score = Decimal(0);
      ev.sentence = fmt::format("年度指标值 {}，实际完成值未填写，无法按规则计分，按 0 分计。", ev.target_text);
      ev.ok = !failed;
      return ev;
    }
    error(at, msg::kActualMissing);
    return ev;
  }
  const std::string head = fmt::format("年度指标值 {}，实际完成值 {}，", ev.target_text,
                                       ev.actual_text.empty() ? "未填写" : ev.actual_text);
  bool computable = true;
  Decimal score;
  std::string sentence;
  if (t.kind == ValueKind::kYesNo) {
    if (x.kind != ValueKind::kYesNo) {
      if (!override) {
        error(actual_loc, msg::kActualNotYesNo, ev.target_text, ev.actual_text);
        return ev;
      }
      computable = false;
    } else {
      ev.met = x.yes == t.yes;
      score = ev.met ? w : Decimal(0);
      sentence = head + (ev.met ? fmt::format("已完成指标，得满分 {}。", Pts(w))
                                : std::string("未完成指标，得 0 分。"));
    }
  } else if (!x.IsNumber()) {
    if (!override) {
      error(actual_loc, msg::kActualNotNumber, ev.target_text, ev.actual_text);
      return ev;
    }
    computable = false;
  } else if (!SameMeasure(t, x)) {
    error(actual_loc, msg::kUnitMismatch, ev.target_text, ev.actual_text);
    return ev;
  } else if (x.direction == Direction::kAtLeast || x.direction == Direction::kAtMost) {
    // A range ("≥70%", "达到80%以上") decides only when it lies inside the target.
    bool decides = (t.direction == Direction::kAtLeast && x.direction == Direction::kAtLeast &&
                    (t.strict ? x.number > t.number : x.number >= t.number)) ||
                   (t.direction == Direction::kAtMost && x.direction == Direction::kAtMost &&
                    (t.strict ? x.number < t.number : x.number <= t.number));
    if (!decides) {
      error(actual_loc, msg::kActualUndecided, ev.actual_text, ev.target_text);
      return ev;
    }
    ev.met = true;
    score = w;
    sentence = head + fmt::format("已完成指标，得满分 {}。", Pts(w));
  } else {
    const Decimal& tv = t.number;
    const Decimal& xv = x.number;
    switch (t.direction) {
      case Direction::kAtLeast:
        ev.met = t.strict ? xv > tv : xv >= tv;
        if (tv.Sign() > 0) ev.completion = xv / tv;
        if (ev.met) {
          score = w;
          sentence = head + fmt::format("已完成指标，得满分 {}。", Pts(w));
        } else {
          score = tv.Sign() > 0 ? Max(Decimal(0), Min(xv / tv, Decimal(1))) * w : Decimal(0);
          sentence = head + fmt::format("未完成指标，按“实际完成值 ÷ 年度指标值 × 分值”计分：{} ÷ {} × {} = {}。",
                                        Num(t, xv), Num(t, tv), w.ToShort(), Pts(score.Round(2)));
        }
        break;
      case Direction::kAtMost:
        ev.met = t.strict ? xv < tv : xv <= tv;
        if (xv.Sign() > 0) ev.completion = tv / xv;
        if (ev.met) {
          score = w;
          sentence = head + fmt::format("已完成指标，得满分 {}。", Pts(w));
        } else if (tv.Sign() <= 0) {
          score = Decimal(0);
          sentence = head + fmt::format("未达到“{}”的要求，得 0 分。", ev.target_text);
        } else if (opt.at_most == Opt::AtMost::kRatio) {
          score = tv / xv * w;
          sentence = head + fmt::format("超出年度指标值，按“年度指标值 ÷ 实际完成值 × 分值”计分：{} ÷ {} × {} = {}。",
                                        Num(t, tv), Num(t, xv), w.ToShort(), Pts(score.Round(2)));
        } else if (xv >= tv * Decimal(2)) {
          score = Decimal(0);
          sentence = head + "超出年度指标值 1 倍及以上，按线性计分得 0 分。";
        } else {
          score = (Decimal(1) - (xv - tv) / tv) * w;
          sentence = head + fmt::format(
                                "超出年度指标值，按线性计分“(1 − (实际完成值 − 年度指标值) ÷ 年度指标值) × 分值”：(1 − ({} − {}) ÷ {}) × {} = {}。",
                                Num(t, xv), Num(t, tv), Num(t, tv), w.ToShort(), Pts(score.Round(2)));
        }
        break;
      case Direction::kEqual:
      case Direction::kNone: {
        Decimal tol = r.tolerance.value_or(opt.equal_tolerance);
        ev.met = tv.IsZero() ? xv.IsZero() : (xv - tv).Abs() <= tol * tv.Abs();
        if (tv.Sign() > 0 && xv.Sign() >= 0) ev.completion = xv / tv;
        if (ev.met) {
          score = w;
          sentence = head + (xv != tv ? fmt::format("在 ±{} 的容差以内，", Share(tol)) : std::string()) +
                     fmt::format("已完成指标，得满分 {}。", Pts(w));
        } else if (opt.equal == Opt::Equal::kAllOrNothing || tv.Sign() <= 0 || xv.Sign() <= 0) {
          score = Decimal(0);
          sentence = head + fmt::format("与年度指标值不符，得 0 分。");
        } else {
          Decimal lo = Min(xv, tv), hi = Max(xv, tv);
          score = lo / hi * w;
          sentence = head + fmt::format("与年度指标值不符，按“较小值 ÷ 较大值 × 分值”计分：{} ÷ {} × {} = {}。",
                                        Num(t, lo), Num(t, hi), w.ToShort(), Pts(score.Round(2)));
        }
        break;
      }
    }
  }

  const bool has_reason = a && (!a->deviation_reason.empty() || !a->reason.empty());
  if (ev.completion && *ev.completion >= opt.overachievement) {
    sentence += fmt::format("完成值为指标值的 {}，达到 {} 及以上，偏差原因见说明。", ev.completion->ToPercent(2),
                            Share(opt.overachievement));
    if (!has_reason && !p.review)  // under review: a finding (check.cpp), not a stop
      error(actual_loc, msg::kOverachievementNeedsReason, ev.completion->ToPercent(2),
            Share(opt.overachievement));
  }
  if (override) {
    if (*a->score > written_w) {
      error(a->score_loc, msg::kScoreAboveWeight, a->score->ToExactString(), written_w.ToExactString());
      return ev;
    }
    if (a->score->Sign() < 0) {
      error(a->score_loc, msg::kMustBePositive, "score");
      return ev;
    }
    if (a->reason.empty()) {
      error(a->score_loc, msg::kScoreNeedsReason, a->score->ToExactString(), written_w.ToExactString());
      return ev;
    }
    ev.overridden = true;
    Decimal s = ScaledAnswerScore(ind, *a->score);
    ev.sentence = computable
                      ? fmt::format("按评分规则：{}评价组调整为 {}{}。", sentence, Pts(s.Round(2)), note)
                      : fmt::format("{}不能按规则比较，由评价组评定得 {}{}。", head, Pts(s.Round(2)), note);
    ev.score = s;
  } else {
    ev.score = score;
    ev.sentence = sentence + note;
    if (a && a->stated_score && a->stated_score->Round(2) != score.Round(2))
      ev.sentence += fmt::format("（自评表填报 {}）", Pts(*a->stated_score));
  }
  if (ev.score.Round(2) < w && !has_reason && !p.review)
    error(override ? a->score_loc : actual_loc, msg::kShortfallNeedsReason, ev.score.ToShort(2),
          w.ToShort(2));
  ev.ok = !failed;
  return ev;
}

bool TargetIsQualitative(const Rule& r, const Answer* a) {
  TypedValue t = ParseTypedValue(a && !a->target.empty() ? a->target : r.target_text);
  return t.kind == ValueKind::kText || (t.kind == ValueKind::kLastYear && (!a || a->baseline.empty()));
}

RuleResult ApplyTargetRule(const Indicator& ind, const Rule& r, const RuleInput& in) {
  Diagnostics d;
  bool percent = !in.value_text.empty() && in.value_text.back() == '%';
  TargetEvaluation ev =
      EvaluateTarget(ind, r, in.answer, *in.project, in.value, in.value_text, percent, &d);
  if (d.HasErrors()) throw InputError(d);
  return {ev.score, ev.sentence};
}

std::string DescribeSelfEvaluationRule(const Indicator& ind, const IndicatorSystem& sys) {
  const Opt& opt = sys.options;
  const Rule& r = *ind.rule;
  std::string w = ind.weight.ToShort();
  if (r.kind == RuleKind::kBudgetRate) {
    std::string base = BudgetBaseName(opt.budget_base);
    switch (opt.budget_rate) {
      case Opt::BudgetRate::kProportional:
        return fmt::format("预算执行率 = 全年执行数 ÷ {}；得分 = 预算执行率 × {} 分，最高 {} 分", base, w, w);
      case Opt::BudgetRate::kIntervals: {
        std::string s = fmt::format("预算执行率 = 全年执行数 ÷ {}，按区间计分：", base);
        for (size_t i = 0; i < opt.intervals.size(); ++i) {
          const auto& iv = opt.intervals[i];
          std::string range = i == 0 ? "≥ " + Share(iv.min)
                              : iv.min.IsZero() ? "< " + Share(opt.intervals[i - 1].min)
                                                : Share(iv.min) + "（含）– " + Share(opt.intervals[i - 1].min);
          s += (i ? "，" : "") + range + " 得 " + (iv.share * ind.weight).ToShort() + " 分";
        }
        return s;
      }
      case Opt::BudgetRate::kSteps:
        return fmt::format("预算执行率 = 全年执行数 ÷ {}；≥ {} 得满分，每降低 {} 扣 {} 分（不足一档按一档计），扣完为止",
                           base, Share(opt.steps_full_at), Share(opt.steps_step), opt.steps_deduct.ToShort());
    }
  }
  std::string s = r.target_text.empty() ? "对照项目填写的年度指标值计分"
                                        : "年度指标值 " + r.target_text + "，对照实际完成值计分";
  return s + "：达到得满分，未达到按完成比例计分，定性指标按三档评定（见评分说明）";
}

std::vector<std::string> SelfEvaluationNotes(const IndicatorSystem& sys) {
  const Opt& opt = sys.options;
  std::vector<std::string> out;
  std::string base = BudgetBaseName(opt.budget_base);
  switch (opt.budget_rate) {
    case Opt::BudgetRate::kProportional:
      out.push_back(fmt::format("预算执行率按比例计分（budget_rate: proportional）：得分 = 全年执行数 ÷ {} × 分值，最高得满分。", base));
      break;
    case Opt::BudgetRate::kIntervals: {
      std::string s = "预算执行率按区间计分（budget_rate: intervals_101）：";
      for (size_t i = 0; i < opt.intervals.size(); ++i) {
        const auto& iv = opt.intervals[i];
        std::string range = i == 0 ? "执行率 ≥ " + Share(iv.min)
                            : iv.min.IsZero() ? "低于 " + Share(opt.intervals[i - 1].min)
                                              : Share(iv.min) + "（含）至 " + Share(opt.intervals[i - 1].min);
        s += (i ? "；" : "") + range + " 得分值的 " + Share(iv.share);
      }
      out.push_back(s + "。");
      break;
    }
    case Opt::BudgetRate::kSteps:
      out.push_back(fmt::format("预算执行率按阶梯扣分（budget_rate: steps）：执行率 ≥ {} 得满分，每降低 {} 扣 {} 分，不足一档按一档计，扣完为止。",
                                Share(opt.steps_full_at), Share(opt.steps_step), opt.steps_deduct.ToShort()));
      break;
  }
  out.push_back(fmt::format("执行率的分母为{}（budget_base: {}）；执行率按百分比保留两位小数后计分。", base, base));
  out.push_back(std::string("定量指标达到年度指标值即得满分。未达到的：“≥”指标得分 = 实际完成值 ÷ 年度指标值 × 分值；") +
                (opt.at_most == Opt::AtMost::kRatio
                     ? "“≤”指标（如成本）得分 = 年度指标值 ÷ 实际完成值 × 分值（at_most_scoring: ratio）；"
                     : "“≤”指标（如成本）按线性计分，得分 = (1 − (实际完成值 − 年度指标值) ÷ 年度指标值) × 分值，超出 1 倍及以上得 0 分（at_most_scoring: linear）；") +
                (opt.equal_tolerance.IsZero() ? "“=”指标须与年度指标值相等"
                                              : "“=”指标与年度指标值相差不超过 " + Share(opt.equal_tolerance) + " 即为达到") +
                (opt.equal == Opt::Equal::kProportional
                     ? "，否则得分 = 较小值 ÷ 较大值 × 分值（equal_scoring: proportional）；“= 0”指标（如安全事故数）为 0 得满分，否则不得分。"
                     : "，否则不得分（equal_scoring: all_or_nothing）。") +
                "只写数值未写符号的年度指标值按“=”理解。");
  out.push_back(fmt::format("实际完成值达到年度指标值的 {} 及以上（“≤”指标为年度指标值达到实际完成值的 {} 及以上）的，须说明偏差原因；超额完成不扣分（overachievement_threshold: {}）。",
                            Share(opt.overachievement), Share(opt.overachievement), Share(opt.overachievement)));
  std::string tiers;
  for (size_t i = 0; i < opt.tiers.size(); ++i) {
    const Tier& t = opt.tiers[i];
    tiers += (i ? "、" : "") + t.name + " " + Share(t.high) + "–" + Share(t.low) +
             (t.low.IsZero() ? "" : "（含 " + Share(t.low) + "）");
  }
  out.push_back("定性指标分三档：" + tiers + "，评价组选定档次并在档内评定得分，说明理由；得分不在所选档内的不予接受。");
  out.push_back("评价组可对定量指标调整得分（如年度指标值填写错误），须说明理由；报告同时写出按规则算得的分数。");
  // 折算计分
  std::vector<std::string> na;
  Decimal na_weight;
  bool rescaled = false;
  sys.ForEach([&](const Indicator& i) {
    if (i.not_applicable) {
      na.push_back(i.name);
      na_weight += i.written_weight.value_or(Decimal());
    }
    if (i.IsLeaf() && i.written_weight && *i.written_weight != i.weight) rescaled = true;
  });
  if (!na.empty()) {
    std::string names;
    for (const auto& n : na) names += (names.empty() ? "" : "、") + n;
    out.push_back(fmt::format("{}不适用，不计分（合计分值 {} 分）；{}其余指标的分值按比例折算，使合计仍为原分值（折算计分），折算后分值保留两位小数，尾差按最大余数法分配。",
                              names, na_weight.ToShort(), rescaled ? "预算执行率以外的" : ""));
  }
  return out;
}

std::shared_ptr<const IndicatorSystem> ApplyNotApplicable(
    std::shared_ptr<const IndicatorSystem> sys, const std::map<std::string, Answer>& answers) {
  bool any = false;
  for (const auto& [code, a] : answers) any = any || a.not_applicable;
  if (!any) return sys;
  auto out = std::make_shared<IndicatorSystem>(*sys);
  // The leaves, in order; 预算执行率 keeps its weight unless it is itself 不适用.
  std::vector<Indicator*> leaves;
  std::function<void(Indicator&)> collect = [&](Indicator& n) {
    if (n.IsLeaf()) leaves.push_back(&n);
    for (auto& c : n.children) collect(c);
  };
  for (auto& r : out->roots) collect(r);
  bool budget_na = false;
  for (Indicator* l : leaves) {
    auto it = answers.find(l->code);
    l->not_applicable = it != answers.end() && it->second.not_applicable;
    if (l->not_applicable && l->rule && l->rule->kind == RuleKind::kBudgetRate) budget_na = true;
  }
  std::vector<Indicator*> scope;
  for (Indicator* l : leaves)
    if (budget_na || !l->rule || l->rule->kind != RuleKind::kBudgetRate) scope.push_back(l);
  Decimal total, left;
  for (Indicator* l : scope) {
    total += l->weight;
    if (!l->not_applicable) left += l->weight;
  }
  if (left.IsZero()) return out;  // BindSelfEvaluation reports it
  // Largest remainder at two decimals: the rescaled weights sum to `total`.
  const Decimal hundred(100);
  Decimal target_cents = (total * hundred).Round(0);
  std::vector<std::pair<Indicator*, Decimal>> rem;
  Decimal cents_sum;
  for (Indicator* l : scope) {
    l->written_weight = l->weight;
    if (l->not_applicable) {
      l->weight = Decimal(0);
      continue;
    }
    Decimal exact = l->weight * total / left * hundred;
    Decimal floor = exact.Floor();
    l->weight = floor / hundred;
    cents_sum += floor;
    rem.emplace_back(l, exact - floor);
  }
  std::stable_sort(rem.begin(), rem.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  Decimal extra = target_cents - cents_sum;
  for (size_t i = 0; Decimal(static_cast<long>(i)) < extra && i < rem.size(); ++i)
    rem[i].first->weight = rem[i].first->weight + Decimal(mpq_class(1, 100));
  // Parents: the sum of their children, the written weight kept.
  std::function<void(Indicator&)> sum = [&](Indicator& n) {
    if (n.IsLeaf()) return;
    Decimal s;
    for (auto& c : n.children) {
      sum(c);
      s += c.weight;
    }
    if (s != n.weight) {
      n.written_weight = n.weight;
      n.weight = s;
    }
  };
  for (auto& r : out->roots) sum(r);
  return out;
}

std::string SelfReportTitle(const std::string& name) {
  const std::string item = "项目";
  bool ends = name.size() >= item.size() && name.compare(name.size() - item.size(), item.size(), item) == 0;
  return name + (ends ? "" : "项目") + "支出绩效自评报告";
}

const ScoredIndicator* FindBudgetRateLeaf(const ScoredProject& sp) {
  const ScoredIndicator* hit = nullptr;
  std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
    if (!hit && s.children.empty() && s.def->rule && s.def->rule->kind == RuleKind::kBudgetRate) hit = &s;
    for (const auto& c : s.children) walk(c);
  };
  for (const auto& r : sp.roots) walk(r);
  return hit;
}

std::vector<SelfFormRow> SelfFormRows(const ScoredProject& sp) {
  const Project& p = *sp.project;
  std::vector<SelfFormRow> rows;
  std::vector<const ScoredIndicator*> path;
  std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
    path.push_back(&s);
    if (s.children.empty() && !(s.def->rule && s.def->rule->kind == RuleKind::kBudgetRate)) {
      SelfFormRow row;
      row.path = path;
      row.leaf = &s;
      const Indicator& d = *s.def;
      auto it = p.answers.find(d.code);
      const Answer* a = it == p.answers.end() ? nullptr : &it->second;
      row.target = a && !a->target.empty() ? a->target : d.rule ? d.rule->target_text : "";
      if (a && !a->actual.empty()) {
        row.actual = a->actual;
      } else if (d.rule && !d.rule->value.empty()) {
        if (const ResolvedValue* v = sp.Value(d.rule->value)) row.actual = v->display;
      }
      row.not_applicable = d.not_applicable;
      if (row.not_applicable) {
        row.status = "不适用";
        row.actual = "不适用";
        row.deviation = "不适用" + (a && !a->reason.empty() ? "：" + a->reason : std::string());
      } else {
        row.status = a && !a->tier.empty() ? a->tier : s.Lost() ? "未完成" : "已完成";
        if (a && !a->deviation_reason.empty()) row.deviation = a->deviation_reason;
        else if (s.Lost()) row.deviation = s.reason;
        else if (s.overridden && a && !a->reason.empty()) row.deviation = a->reason;  // why it was adjusted
      }
      if (row.target.empty()) row.target = "—";
      if (row.actual.empty()) row.actual = "—";
      rows.push_back(row);
    }
    for (const auto& c : s.children) walk(c);
    path.pop_back();
  };
  for (const auto& r : sp.roots) walk(r);
  return rows;
}

}  // namespace jixiao
