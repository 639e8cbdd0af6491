// target: the self-evaluation's 年度指标值 against the 实际完成值 (≥, ≤, =,
// yes/no, or qualitative by the evaluator's tier), scored by the system's
// options (docs/zh/自评.md).
#include "rules/kinds/target.h"

#include <memory>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

using Opt = SelfEvaluationOptions;

std::string Share(const Decimal& d) { return d.ToPercentShort(kRuleLimitPlaces); }

// A number inside a sentence's arithmetic: "63%", "3304".
std::string Num(const TypedValue& like, const Decimal& n) {
  return like.percent ? n.ToPercentShort(kWrittenFigurePlaces) : n.ToShort(kWrittenFigurePlaces);
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
  return fmt::format("（折算计分：分值由 {} 折算为 {}）", RulePoints(*ind.written_weight), RulePoints(ind.weight));
}

// One evaluation, step by step: the target, the actual, then either the
// evaluator's tier (qualitative) or the comparison, then what every
// outcome must answer for (over-achievement, an override, a shortfall).
class TargetScorer {
 public:
  TargetScorer(const Indicator& ind, const Rule& r, const Answer* a, const Project& p,
               const TargetValue& value, Diagnostics* diags)
      : ind_(ind), r_(r), a_(a), p_(p), opt_(p.system->options), value_(value), diags_(diags),
        w_(ind.weight), written_w_(ind.written_weight.value_or(ind.weight)),
        at_(a ? a->loc : SourceLoc{p.file}), actual_loc_(at_),
        override_(a && a->score.has_value()), note_(RescaleNote(ind)) {}

  TargetEvaluation Run() {
    if (!ReadTarget()) return ev_;
    ReadActual();
    if (t_.kind == ValueKind::kText || t_.kind == ValueKind::kLastYear) {
      ScoreByTier();
      return ev_;
    }
    if (!ScoreByComparison()) return ev_;
    Conclude();
    return ev_;
  }

 private:
  template <typename... Args>
  void Error(const SourceLoc& loc, const MessageDef& def, const Args&... args) {
    failed_ = true;
    if (diags_) diags_->Error(loc, ind_.code, def, args...);
  }
  void Done() { ev_.ok = !failed_; }

  // 年度指标值: the answer's, else the system's; "不低于上年" with last
  // year's value becomes a number.
  bool ReadTarget() {
    const bool own_target = a_ && !a_->target.empty();
    ev_.target_text = own_target ? a_->target : StatedTarget(r_);
    if (ev_.target_text.empty()) {
      if (p_.review) {  // a submission left the 年度指标值 blank: 0 here, a finding in check.cpp
        ev_.blank_target = true;
        ev_.score = Decimal(0);
        ev_.sentence = "年度指标值未填写，无法按规则计分，按 0 分计。";
        Done();
        return false;
      }
      Error(at_, msg::kTargetMissing);
      return false;
    }
    ev_.target = ParseTypedValue(ev_.target_text);
    t_ = ev_.target;
    if (t_.kind == ValueKind::kNumber && t_.direction == Direction::kNone) t_.direction = Direction::kEqual;
    if (t_.kind == ValueKind::kLastYear && a_ && !a_->baseline.empty()) {
      TypedValue b = ParseTypedValue(a_->baseline);
      if (!b.IsNumber()) {
        Error(at_, msg::kExpectedNumber, a_->baseline);
        return false;
      }
      t_.kind = ValueKind::kNumber;
      t_.number = b.number;
      t_.percent = b.percent;
      t_.unit = b.unit;
    }
    return true;
  }

  // 实际完成值: the answer's, else the rule's named value.
  void ReadActual() {
    if (a_ && !a_->actual.empty()) {
      ev_.actual_text = a_->actual;
      actual_loc_ = a_->actual_loc;
      ev_.actual = ParseTypedValue(a_->actual);
      // A bare "90" beside "≤90万元" is 90 万元: the target's unit, said in the sentence.
      if (t_.IsNumber() && AdoptUnit(ev_.actual, t_)) {
        ev_.unit_assumed = ev_.actual.written_unit;
        note_ = fmt::format("（实际完成值未写单位，按年度指标值的单位“{}”计）", ev_.unit_assumed) + note_;
      }
    } else if (value_.value) {
      ev_.actual_text = value_.text;
      ev_.actual.text = value_.text;
      ev_.actual.kind = ValueKind::kNumber;
      ev_.actual.number = *value_.value;
      ev_.actual.percent = value_.percent;
    }
  }

  // Qualitative: the evaluator's tier and the point within it.
  void ScoreByTier() {
    ev_.qualitative = true;
    if (!a_ || a_->tier.empty() || !a_->score) {
      if (p_.review) {  // a submission left the 得分 blank: 0 here, a finding in check.cpp
        ev_.score = Decimal(0);
        ev_.sentence = fmt::format("年度指标值“{}”为定性指标，未评定档次和得分，按 0 分计。", ev_.target_text);
        Done();
        return;
      }
      Error(at_, msg::kQualitativeNeedsTier, ev_.target_text, TierList(opt_.tiers));
      return;
    }
    const Tier* tier = FindTier(opt_.tiers, a_->tier);
    if (!tier) {
      std::vector<std::string> names;
      for (const auto& tt : opt_.tiers) names.push_back(tt.name);
      failed_ = true;
      if (diags_)
        diags_->ErrorHint(at_, ind_.code, NearestName(a_->tier, names), msg::kBadChoice, a_->tier,
                          TierList(opt_.tiers));
      return;
    }
    Decimal lo = tier->low * written_w_, hi = tier->high * written_w_;
    bool top = tier->high >= Decimal(1);
    if ((*a_->score < lo || *a_->score > hi || (!top && *a_->score >= hi)) && !p_.review) {
      // Under review the score is kept as submitted and check.cpp reports it.
      Error(a_->score_loc, msg::kScoreOutsideTier, a_->score->ToExactString(), tier->name,
            lo.ToExactString(), hi.ToExactString(), top ? "]" : ")");
      return;
    }
    if (a_->reason.empty()) {
      Error(a_->score_loc, msg::kScoreNeedsReason, a_->score->ToExactString(), written_w_.ToExactString());
      return;
    }
    ev_.score = ScaledAnswerScore(ind_, *a_->score);
    ev_.met = tier == &opt_.tiers.front();
    ev_.sentence = fmt::format(
        "年度指标值“{}”为定性指标{}，{}评价为“{}”（分值的 {}–{}），得 {}{}。", ev_.target_text,
        t_.kind == ValueKind::kLastYear ? "（未给出上年值，由评价组评定）" : "",
        ev_.actual_text.empty() ? "" : "实际完成“" + ev_.actual_text + "”，", tier->name,
        Share(tier->low), Share(tier->high), Points(ev_.score.Round(kScorePlaces)), note_);
    Done();
  }

  // Quantitative: the rule's score and sentence from the two values.
  // False when the evaluation stops here (an input error, or a blank
  // 完成值 under review).
  bool ScoreByComparison() {
    if (ev_.actual_text.empty() && !override_) {
      if (p_.review) {  // a blank 完成值 in a submission: 0 here, a finding in check.cpp
        ev_.score = Decimal(0);
        ev_.sentence = fmt::format("年度指标值 {}，实际完成值未填写，无法按规则计分，按 0 分计。", ev_.target_text);
        Done();
        return false;
      }
      Error(at_, msg::kActualMissing);
      return false;
    }
    head_ = fmt::format("年度指标值 {}，实际完成值 {}，", ev_.target_text,
                        ev_.actual_text.empty() ? "未填写" : ev_.actual_text);
    const TypedValue& x = ev_.actual;
    if (t_.kind == ValueKind::kYesNo) {
      if (x.kind != ValueKind::kYesNo) {
        if (!override_) {
          Error(actual_loc_, msg::kActualNotYesNo, ev_.target_text, ev_.actual_text);
          return false;
        }
        computable_ = false;
      } else {
        ev_.met = x.yes == t_.yes;
        score_ = ev_.met ? w_ : Decimal(0);
        sentence_ = head_ + (ev_.met ? fmt::format("已完成指标，得满分 {}。", Points(w_))
                                     : std::string("未完成指标，得 0 分。"));
      }
    } else if (!x.IsNumber()) {
      if (!override_) {
        Error(actual_loc_, msg::kActualNotNumber, ev_.target_text, ev_.actual_text);
        return false;
      }
      computable_ = false;
    } else if (!SameMeasure(t_, x)) {
      Error(actual_loc_, msg::kUnitMismatch, ev_.target_text, ev_.actual_text);
      return false;
    } else if (x.direction == Direction::kAtLeast || x.direction == Direction::kAtMost) {
      // A range ("≥70%", "达到80%以上") decides only when it lies inside the target.
      bool decides = (t_.direction == Direction::kAtLeast && x.direction == Direction::kAtLeast &&
                      (t_.strict ? x.number > t_.number : x.number >= t_.number)) ||
                     (t_.direction == Direction::kAtMost && x.direction == Direction::kAtMost &&
                      (t_.strict ? x.number < t_.number : x.number <= t_.number));
      if (!decides) {
        Error(actual_loc_, msg::kActualUndecided, ev_.actual_text, ev_.target_text);
        return false;
      }
      ev_.met = true;
      score_ = w_;
      sentence_ = head_ + fmt::format("已完成指标，得满分 {}。", Points(w_));
    } else {
      switch (t_.direction) {
        case Direction::kAtLeast: CompareAtLeast(t_.number, x.number); break;
        case Direction::kAtMost: CompareAtMost(t_.number, x.number); break;
        case Direction::kEqual:
        case Direction::kNone: CompareEqual(t_.number, x.number); break;
      }
    }
    return true;
  }

  void CompareAtLeast(const Decimal& tv, const Decimal& xv) {
    ev_.met = t_.strict ? xv > tv : xv >= tv;
    if (tv.Sign() > 0) ev_.completion = xv / tv;
    if (ev_.met) {
      score_ = w_;
      sentence_ = head_ + fmt::format("已完成指标，得满分 {}。", Points(w_));
    } else {
      score_ = tv.Sign() > 0 ? Max(Decimal(0), Min(xv / tv, Decimal(1))) * w_ : Decimal(0);
      sentence_ = head_ + fmt::format("未完成指标，按“实际完成值 ÷ 年度指标值 × 分值”计分：{} ÷ {} × {} = {}。",
                                      Num(t_, xv), Num(t_, tv), w_.ToShort(kScorePlaces), Points(score_.Round(kScorePlaces)));
    }
  }

  void CompareAtMost(const Decimal& tv, const Decimal& xv) {
    ev_.met = t_.strict ? xv < tv : xv <= tv;
    if (xv.Sign() > 0) ev_.completion = tv / xv;
    if (ev_.met) {
      score_ = w_;
      sentence_ = head_ + fmt::format("已完成指标，得满分 {}。", Points(w_));
    } else if (tv.Sign() <= 0) {
      score_ = Decimal(0);
      sentence_ = head_ + fmt::format("未达到“{}”的要求，得 0 分。", ev_.target_text);
    } else if (opt_.at_most == Opt::AtMost::kRatio) {
      score_ = tv / xv * w_;
      sentence_ = head_ + fmt::format("超出年度指标值，按“年度指标值 ÷ 实际完成值 × 分值”计分：{} ÷ {} × {} = {}。",
                                      Num(t_, tv), Num(t_, xv), w_.ToShort(kScorePlaces), Points(score_.Round(kScorePlaces)));
    } else if (xv >= tv * Decimal(2)) {
      score_ = Decimal(0);
      sentence_ = head_ + "超出年度指标值 1 倍及以上，按线性计分得 0 分。";
    } else {
      score_ = (Decimal(1) - (xv - tv) / tv) * w_;
      sentence_ = head_ + fmt::format(
                              "超出年度指标值，按线性计分“(1 − (实际完成值 − 年度指标值) ÷ 年度指标值) × 分值”：(1 − ({} − {}) ÷ {}) × {} = {}。",
                              Num(t_, xv), Num(t_, tv), Num(t_, tv), w_.ToShort(kScorePlaces), Points(score_.Round(kScorePlaces)));
    }
  }

  void CompareEqual(const Decimal& tv, const Decimal& xv) {
    Decimal tol = r_.Params<TargetParams>().tolerance.value_or(opt_.equal_tolerance);
    ev_.met = tv.IsZero() ? xv.IsZero() : (xv - tv).Abs() <= tol * tv.Abs();
    if (tv.Sign() > 0 && xv.Sign() >= 0) ev_.completion = xv / tv;
    if (ev_.met) {
      score_ = w_;
      sentence_ = head_ + (xv != tv ? fmt::format("在 ±{} 的容差以内，", Share(tol)) : std::string()) +
                  fmt::format("已完成指标，得满分 {}。", Points(w_));
    } else if (opt_.equal == Opt::Equal::kAllOrNothing || tv.Sign() <= 0 || xv.Sign() <= 0) {
      score_ = Decimal(0);
      sentence_ = head_ + fmt::format("与年度指标值不符，得 0 分。");
    } else {
      Decimal lo = Min(xv, tv), hi = Max(xv, tv);
      score_ = lo / hi * w_;
      sentence_ = head_ + fmt::format("与年度指标值不符，按“较小值 ÷ 较大值 × 分值”计分：{} ÷ {} × {} = {}。",
                                      Num(t_, lo), Num(t_, hi), w_.ToShort(kScorePlaces), Points(score_.Round(kScorePlaces)));
    }
  }

  // What every quantitative outcome answers for: a completion at the
  // over-achievement threshold, an evaluator's override, a shortfall.
  void Conclude() {
    const Answer* a = a_;
    const bool has_reason = a && (!a->deviation_reason.empty() || !a->reason.empty());
    if (ev_.completion && *ev_.completion >= opt_.overachievement) {
      sentence_ += fmt::format("完成值为指标值的 {}，达到 {} 及以上，偏差原因见说明。",
                               ev_.completion->ToPercent(kPercentPlaces), Share(opt_.overachievement));
      if (!has_reason && !p_.review)  // under review: a finding (check.cpp), not a stop
        Error(actual_loc_, msg::kOverachievementNeedsReason, ev_.completion->ToPercent(kPercentPlaces),
              Share(opt_.overachievement));
    }
    if (override_) {
      if (*a->score > written_w_) {
        Error(a->score_loc, msg::kScoreAboveWeight, a->score->ToExactString(), written_w_.ToExactString());
        return;
      }
      if (a->score->Sign() < 0) {
        Error(a->score_loc, msg::kMustBePositive, "score");
        return;
      }
      if (a->reason.empty()) {
        Error(a->score_loc, msg::kScoreNeedsReason, a->score->ToExactString(), written_w_.ToExactString());
        return;
      }
      ev_.overridden = true;
      Decimal s = ScaledAnswerScore(ind_, *a->score);
      ev_.sentence = computable_
                         ? fmt::format("按评分规则：{}评价组调整为 {}{}。", sentence_, Points(s.Round(kScorePlaces)), note_)
                         : fmt::format("{}不能按规则比较，由评价组评定得 {}{}。", head_, Points(s.Round(kScorePlaces)), note_);
      ev_.score = s;
    } else {
      ev_.score = score_;
      ev_.sentence = sentence_ + note_;
      if (a && a->stated_score && a->stated_score->Round(kScorePlaces) != score_.Round(kScorePlaces))
        ev_.sentence += fmt::format("（自评表填报 {}）", Points(*a->stated_score));
    }
    if (ev_.score.Round(kScorePlaces) < w_ && !has_reason && !p_.review)
      Error(override_ ? a->score_loc : actual_loc_, msg::kShortfallNeedsReason, ev_.score.ToShort(kScorePlaces),
            w_.ToShort(kScorePlaces));
    Done();
  }

  const Indicator& ind_;
  const Rule& r_;
  const Answer* a_;
  const Project& p_;
  const Opt& opt_;
  const TargetValue& value_;
  Diagnostics* diags_;
  const Decimal w_, written_w_;
  const SourceLoc at_;
  SourceLoc actual_loc_;
  const bool override_;
  std::string note_;  // what the sentence ends with: a rescaled weight, an assumed unit
  TargetEvaluation ev_;
  TypedValue t_;  // the target as compared: "=" when no direction, last year's number
  bool failed_ = false;
  std::string head_;
  bool computable_ = true;
  Decimal score_;
  std::string sentence_;
};

class Target : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kTarget; }
  const char* name() const override { return "target"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    const YamlNode& r = src.node;
    src.CheckKeys({"kind", "target", "value", "tolerance"});
    TargetParams p;
    if (auto t = src.String("target", false)) {
      p.target_text = *t;
      p.target_loc = src.Loc(r["target"]);
    }
    if (auto v = src.String("value", false)) {
      rule.value = *v;
      rule.value_loc = src.Loc(r["value"]);
    }
    p.tolerance = src.Number("tolerance", false);
    if (p.tolerance && p.tolerance->Sign() < 0)
      src.diags.Error(src.Loc(r["tolerance"]), src.code(), msg::kMustBePositive, "tolerance");
    rule.SetParams(std::move(p));
  }

  bool BindsWithProject() const override { return true; }
  void BindProject(const Indicator& ind, const Rule& r, const Answer* a, const Project& p,
                   Diagnostics& diags) const override {
    if (a && (a->unmet || a->met))
      diags.Error(a->loc, ind.code, msg::kAnswerFieldNotForRule, RuleKindName(r.kind),
                  "target, actual, baseline, tier, score, reason, deviation_reason, not_applicable");
    TargetValue value;
    if (!r.value.empty() && (!a || a->actual.empty())) {
      const NamedValue* v = nullptr;
      for (const auto& nv : p.values)
        if (nv.name == r.value) v = &nv;
      if (!v) return;  // a metric: checked when scored
      value.value = v->value;
      value.percent = v->percent;
      value.text = v->percent ? v->value.ToPercent(kPercentPlaces) : v->value.ToExactString();
    }
    EvaluateTarget(ind, r, a, p, value, &diags);
  }

  bool ReadsValue(const Rule& r, const Answer* a) const override {
    return !r.value.empty() && !(a && !a->actual.empty());  // the answer's own 实际完成值 wins
  }
  // An evaluator's score is a tier's point or an override the rule states itself.
  bool JudgesScore() const override { return true; }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    Diagnostics d;
    TargetValue value{in.value, in.value_text, !in.value_text.empty() && in.value_text.back() == '%'};
    auto ev = std::make_shared<TargetEvaluation>(EvaluateTarget(ind, r, in.answer, *in.project, value, &d));
    if (d.HasErrors()) throw InputError(d);
    RuleResult out{ev->score, ev->sentence};
    out.overridden = ev->overridden;
    out.reading = ev;
    return out;
  }

  const char* Label() const override { return "指标值对比"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem& sys) const override {
    WorkbookEntry e;
    e.needs = std::string("对照年度指标值计分：填写“实际完成值”") +
              (r.value.empty() ? "" : "（或在“数据”表填写 " + r.value + "）") +
              "；定性指标在“评价”列选档次并填写得分；未完成或超额较多时写偏差原因。";
    e.judgement = WorkbookEntry::Judgement::kChoice;
    for (const auto& t : sys.options.tiers) e.choices.push_back(t.name);
    e.choices.push_back("不适用");  // the leaf is left out (折算计分)
    e.targets = true;
    e.stated_target = StatedTarget(r);
    e.judged = true;
    return e;
  }

  std::string Describe(const Indicator&, const Rule& r) const override {
    const std::string& stated = StatedTarget(r);
    return (stated.empty() ? std::string("对照年度指标值") : "年度指标值 " + stated + "，") +
           "达到得满分，未达到按完成比例计分；定性指标按三档评定";
  }
};

}  // namespace

TargetEvaluation EvaluateTarget(const Indicator& ind, const Rule& r, const Answer* a,
                                const Project& p, const TargetValue& value, Diagnostics* diags) {
  return TargetScorer(ind, r, a, p, value, diags).Run();
}

bool TargetIsQualitative(const Rule& r, const Answer* a) {
  TypedValue t = ParseTypedValue(a && !a->target.empty() ? a->target : StatedTarget(r));
  return t.kind == ValueKind::kText || (t.kind == ValueKind::kLastYear && (!a || a->baseline.empty()));
}

const std::string& StatedTarget(const Rule& r) {
  static const std::string kNone;
  return r.kind == RuleKind::kTarget ? r.Params<TargetParams>().target_text : kNone;
}

const RuleKindUnit& TargetRuleKind() {
  static const Target unit;
  return unit;
}

}  // namespace jixiao
