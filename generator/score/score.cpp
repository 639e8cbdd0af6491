#include "score/score.h"

#include <functional>
#include <map>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/rule_kind.h"
#include "rules/rules.h"

namespace jixiao {
namespace {

class Resolver {
 public:
  explicit Resolver(const Project& p) : p_(p) {
    for (const auto& v : p.values)
      put(ResolvedValue{v.name, v.value, v.percent,
                        v.percent ? v.value.ToPercent(kPercentPlaces) : v.value.ToExactString(), "", v.loc});
    for (const auto& s : p.surveys) {
      Decimal total;
      for (size_t i = 0; i < s.options.size(); ++i) {
        put(ResolvedValue{s.id + "." + s.options[i], s.counts[i], false, s.counts[i].ToShort(kCountPlaces), "", s.loc});
        total += s.counts[i];
      }
      if (!s.options.empty()) put(ResolvedValue{s.id + ".合计", total, false, total.ToShort(kCountPlaces), "", s.loc});
      Decimal sum;
      for (const auto& [item, rate] : s.items) {
        put(ResolvedValue{s.id + "." + item, rate, true, rate.ToPercent(kPercentPlaces), "", s.loc});
        sum += rate;
      }
      if (!s.items.empty()) {
        // The mean of the item rates, rounded like any rate (002: 92.035% → 92.04%).
        Decimal mean = (sum / Decimal(static_cast<long>(s.items.size()))).Round(kRatePlaces);
        put(ResolvedValue{s.id + ".平均", mean, true, mean.ToPercent(kPercentPlaces), "", s.loc});
      }
    }
    for (const auto& m : p.metrics) metric_[m.name] = &m;
  }

  std::optional<Decimal> Get(const std::string& name) {
    auto it = index_.find(name);
    if (it != index_.end()) return values_[it->second].value;
    auto m = metric_.find(name);
    if (m == metric_.end()) return std::nullopt;
    const Metric& metric = *m->second;
    // Loading refuses longer chains (load_project.cpp); a project built
    // another way is held to the same bound here.
    if (depth_ >= kMaxMetricChain) Fail(metric.loc, "", msg::kMetricTooDeep, metric.name, kMaxMetricChain);
    struct Nest {
      size_t& d;
      ~Nest() { --d; }
    } nest{++depth_};
    Decimal raw;
    try {
      raw = metric.formula.Evaluate([this](const std::string& n) { return Get(n); });
    } catch (const FormulaError& e) {
      Fail(metric.loc, "", msg::kFormulaEval, QuoteFormula(metric.formula.Text()), e.what());
    } catch (const DecimalLimitError&) {
      Fail(metric.loc, "", msg::kMetricTooLarge, metric.name, kMaxExactDigits);
    }
    int places = metric.percent ? metric.places + kPercentShiftPlaces : metric.places;
    Decimal shown = raw.Round(places);
    put(ResolvedValue{metric.name, shown, metric.percent,
                      metric.percent ? shown.ToPercent(metric.places) : shown.ToFixed(metric.places),
                      metric.formula.Text(), metric.loc});
    return shown;
  }

  const ResolvedValue* Find(const std::string& name) {
    Get(name);
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &values_[it->second];
  }

  std::vector<ResolvedValue> TakeAll() {
    for (const auto& m : p_.metrics) Get(m.name);
    return values_;
  }

 private:
  void put(ResolvedValue v) {
    index_[v.name] = values_.size();
    values_.push_back(std::move(v));
  }
  const Project& p_;
  std::vector<ResolvedValue> values_;
  std::map<std::string, size_t> index_;
  std::map<std::string, const Metric*> metric_;
  size_t depth_ = 0;  // metrics being resolved, each inside the one before
};

ScoredIndicator ScoreNode(const Indicator& ind, const Project& p, Resolver& res) {
  ScoredIndicator s;
  s.def = &ind;
  if (!ind.IsLeaf()) {
    s.children.reserve(ind.children.size());
    for (const auto& c : ind.children) {
      s.children.push_back(ScoreNode(c, p, res));
      s.score += s.children.back().score;  // displayed children sum to the displayed parent
    }
  } else if (ind.not_applicable) {
    // 不适用: left out, its weight (now 0) shared among the others (折算计分).
    auto a = p.answers.find(ind.code);
    const bool assessable = a == p.answers.end() || a->second.not_assessable.empty();
    s.explanation = fmt::format("{}{}；其分值 {} 分按折算计分分配给其他指标。",
                                assessable ? "该指标不适用，不计分" : "该指标本年度不具备评价条件，暂不评价",
                                a != p.answers.end() && !a->second.reason.empty() ? "（" + a->second.reason + "）" : "",
                                ind.written_weight.value_or(Decimal()).ToShort(kScorePlaces));
    return s;
  } else if (auto na = p.answers.find(ind.code); na != p.answers.end() && na->second.not_assessable == "full") {
    // 不具备评价条件, 暂不扣分: the weight, said as such (not a full mark earned).
    s.score = ind.weight;
    s.explanation = fmt::format("该指标本年度不具备评价条件{}，暂不扣分，按满分 {}计。",
                                na->second.reason.empty() ? "" : "（" + na->second.reason + "）", Points(ind.weight));
  } else {
    const Rule& r = *ind.rule;
    const RuleKindUnit& unit = UnitOf(r.kind);
    RuleInput in;
    in.project = &p;
    in.lookup = [&res](const std::string& n) { return res.Get(n); };
    auto a = p.answers.find(ind.code);
    in.answer = a == p.answers.end() ? nullptr : &a->second;
    if (unit.ReadsValue(r, in.answer)) {
      const ResolvedValue* v = res.Find(r.value);
      in.value = v->value;
      in.value_text = v->display;
      if (r.value_max && v->value > *r.value_max)
        Fail(v->loc, ind.code, msg::kRateOutOfRange, v->display, r.value_max->ToPercent(kPercentPlaces));
      if (v->value.Sign() < 0)
        Fail(v->loc, ind.code, msg::kMustBePositive, r.value);
    }
    try {
      RuleResult rr;
      if (in.answer && in.answer->score && !unit.JudgesScore()) {
        // An evaluator's override of a computed rule: the rule's own result
        // is still stated so the reader sees both.
        RuleResult computed;
        bool computable = unit.Computable(r, *in.answer);
        if (computable) computed = ApplyRule(ind, r, in);
        rr.score = ScaledAnswerScore(ind, *in.answer->score);
        rr.explanation = computable
                             ? fmt::format("按评分规则：{}评价组调整为 {} 分。", computed.explanation,
                                           in.answer->score->ToShort(kScorePlaces))
                             : fmt::format("评价组评定得 {} 分。", in.answer->score->ToShort(kScorePlaces));
        s.overridden = true;
      } else {
        rr = ApplyRule(ind, r, in);
      }
      s.score = rr.score.Round(kScorePlaces);
      s.explanation = rr.explanation;
      s.reading = rr.reading;
      if (rr.overridden) s.overridden = true;
    } catch (const FormulaError& e) {
      const Formula* own = unit.OwnFormula(r);
      Fail(r.loc, ind.code, msg::kFormulaEval, own ? QuoteFormula(own->Text()) : std::string(), e.what());
    } catch (const DecimalLimitError&) {
      Fail(r.loc, ind.code, msg::kValueTooLarge, kMaxExactDigits);
    }
    if (s.score < ind.weight)
      s.reason = in.answer && !in.answer->reason.empty()             ? in.answer->reason
                 : in.answer && !in.answer->deviation_reason.empty() ? in.answer->deviation_reason
                                                                     : s.explanation;
  }
  if (ind.weight.Sign() > 0) s.rate = (s.score / ind.weight).Round(kRatePlaces);
  return s;
}

}  // namespace

ScoredProject ScoreProject(std::shared_ptr<const Project> project) {
  ScoredProject sp;
  sp.project = project;
  const Project& p = *project;
  Resolver res(p);
  sp.roots.reserve(p.system->roots.size());
  for (const auto& r : p.system->roots) {
    sp.roots.push_back(ScoreNode(r, p, res));
    sp.sum += sp.roots.back().score;
  }
  for (const auto& d : p.deductions) sp.deductions_claimed += d.points;
  sp.deductions = sp.deductions_claimed;
  if (p.system->deduction_cap) sp.deductions = Min(sp.deductions, *p.system->deduction_cap);
  sp.total = Max(Decimal(0), sp.sum - sp.deductions);
  if (p.system->total.Sign() > 0) sp.total_rate = (sp.total / p.system->total).Round(kRatePlaces);
  sp.grade = GradeFor(*p.system, sp.total);
  sp.values = res.TakeAll();
  return sp;
}

const ScoredIndicator* ScoredProject::Find(const std::string& code) const {
  std::function<const ScoredIndicator*(const ScoredIndicator&)> walk =
      [&](const ScoredIndicator& s) -> const ScoredIndicator* {
    if (s.def->code == code) return &s;
    for (const auto& c : s.children)
      if (auto hit = walk(c)) return hit;
    return nullptr;
  };
  for (const auto& r : roots)
    if (auto hit = walk(r)) return hit;
  return nullptr;
}

std::vector<const ScoredIndicator*> ScoredProject::LostLeaves() const {
  std::vector<const ScoredIndicator*> out;
  std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
    if (s.children.empty() && s.Lost()) out.push_back(&s);
    for (const auto& c : s.children) walk(c);
  };
  for (const auto& r : roots) walk(r);
  return out;
}

const ResolvedValue* ScoredProject::Value(const std::string& name) const {
  for (const auto& v : values)
    if (v.name == name) return &v;
  return nullptr;
}

}  // namespace jixiao
