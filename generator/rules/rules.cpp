#include "rules/rules.h"

#include <algorithm>

#include "rules/self_evaluation.h"

namespace jixiao {
namespace {

std::string Pts(const Decimal& d) { return d.ToShort(2) + " 分"; }
std::string Pct(const Decimal& d) { return d.ToPercent(2); }        // a measured value
std::string Limit(const Decimal& d) { return d.ToPercentShort(2); }  // a threshold in a rule

std::string ItemList(const std::vector<int>& idx) {
  std::string s;
  for (int i : idx) s += (s.empty() ? "" : "、") + CircledNumber(i);
  return s;
}

Decimal Clamp(const Decimal& v, const Decimal& weight) { return Max(Decimal(0), Min(v, weight)); }

RuleResult Checklist(const Indicator& ind, const Rule& r, const Answer& a) {
  std::vector<int> unmet = a.unmet.value_or(std::vector<int>{});
  std::sort(unmet.begin(), unmet.end());
  unmet.erase(std::unique(unmet.begin(), unmet.end()), unmet.end());
  size_t n = r.items.size();
  if (r.kind == RuleKind::kChecklist) {
    // "N项各占1/N权重分，每有一项不满足，则扣除相应权重分" (002 A11–A32).
    Decimal each = ind.weight / Decimal(static_cast<long>(n));
    Decimal lost = each * Decimal(static_cast<long>(unmet.size()));
    Decimal score = ind.weight - lost;
    if (unmet.empty())
      return {score, fmt::format("{} 项评价要点均满足，得满分 {}。", n, Pts(ind.weight))};
    return {score, fmt::format("{} 项评价要点中第{}项不满足，每项 {}，扣 {}，得 {}。", n,
                               ItemList(unmet), Pts(each), Pts(lost), Pts(score))};
  }
  // Explicit points per item; the sum may exceed the weight (002 B21) and is capped.
  Decimal sum;
  std::vector<int> met;
  for (size_t i = 0; i < n; ++i) {
    if (std::find(unmet.begin(), unmet.end(), static_cast<int>(i + 1)) != unmet.end()) continue;
    sum += r.items[i].points;
    met.push_back(static_cast<int>(i + 1));
  }
  Decimal score = Min(sum, ind.weight);
  std::string s;
  if (met.empty()) s = "各项均不满足";
  else s = fmt::format("满足第{}项，合计 {}", ItemList(met), Pts(sum));
  if (!unmet.empty()) s += fmt::format("；第{}项不满足", ItemList(unmet));
  if (sum > ind.weight) s += fmt::format("，超过满分按 {}计", Pts(ind.weight));
  return {score, s + fmt::format("，得 {}。", Pts(score))};
}

RuleResult Steps(const Indicator& ind, const Rule& r, const Decimal& v, const std::string& name) {
  if (v >= r.full_at)
    return {ind.weight, fmt::format("{} {}，不低于 {}，得满分 {}。", name, Pct(v), Limit(r.full_at),
                                    Pts(ind.weight))};
  // A partial step counts as a step (002 B12: 90.56% is one step below 95%).
  Decimal steps = ((r.full_at - v) / r.step).Ceil();
  Decimal per = r.deduct_is_share ? r.deduct * ind.weight : r.deduct;
  Decimal lost = Min(steps * per, ind.weight);
  Decimal score = ind.weight - lost;
  std::string per_text = r.deduct_is_share
                             ? fmt::format("{} 权重分（{}）", Limit(r.deduct), Pts(per))
                             : Pts(per);
  return {score, fmt::format("{} {}，低于 {}，按每降低 {} 扣 {}（不足一档按一档计）计 {} 档，扣 {}{}，得 {}。",
                             name, Pct(v), Limit(r.full_at), Limit(r.step), per_text,
                             steps.ToShort(0), Pts(lost), lost >= ind.weight ? "（扣完为止）" : "",
                             Pts(score))};
}

RuleResult Proportional(const Indicator& ind, const Rule& r, const Decimal& v,
                        const std::string& name) {
  if (v >= r.target)
    return {ind.weight, fmt::format("{} {}，达到 {}，得满分 {}。", name, Pct(v), Limit(r.target),
                                    Pts(ind.weight))};
  if (r.attainment) {
    Decimal score = v / r.target * ind.weight;
    return {score, fmt::format("{} {}，低于 {}，按完成比例得分：{} ÷ {} × {} = {}。", name, Pct(v),
                               Limit(r.target), Pct(v), Limit(r.target), ind.weight.ToShort(),
                               Pts(score.Round(2)))};
  }
  Decimal score = v * ind.weight;
  return {score, fmt::format("{} {}，低于 {}，按比例得分：{} × {} = {}。", name, Pct(v),
                             Limit(r.target), Pct(v), ind.weight.ToShort(), Pts(score.Round(2)))};
}

RuleResult Bands(const Indicator& ind, const Rule& r, const Decimal& v, const std::string& name,
                 const NameLookup& lookup) {
  for (size_t i = 0; i < r.bands.size(); ++i) {
    const Band& b = r.bands[i];
    if (b.min && v < *b.min) continue;
    std::string range;
    if (b.min && i > 0 && r.bands[i - 1].min)
      range = fmt::format("在 {} 至 {} 之间", Limit(*b.min), Limit(*r.bands[i - 1].min));
    else if (b.min)
      range = fmt::format("不低于 {}", Limit(*b.min));
    else if (i > 0 && r.bands[i - 1].min)
      range = fmt::format("低于 {}", Limit(*r.bands[i - 1].min));
    switch (b.score.kind) {
      case ScoreSpec::kFull:
        return {ind.weight, fmt::format("{} {}，{}，得满分 {}。", name, Pct(v), range, Pts(ind.weight))};
      case ScoreSpec::kFixed: {
        Decimal s = Clamp(b.score.fixed, ind.weight);
        return {s, fmt::format("{} {}，{}，得 {}。", name, Pct(v), range, Pts(s))};
      }
      case ScoreSpec::kFormula: {
        NameLookup with_x = [&](const std::string& n) -> std::optional<Decimal> {
          if (n == "x") return v;
          if (n == "weight") return ind.weight;
          return lookup(n);
        };
        Decimal raw = b.score.formula.Evaluate(with_x);
        Decimal s = Clamp(raw, ind.weight);
        return {s, fmt::format("{} {}，{}，按 {} 计算（x 为{}）得 {}{}。", name, Pct(v), range,
                               b.score.formula.Text(), name, Pts(s),
                               s != raw ? "（限于 0 至满分）" : "")};
      }
    }
  }
  return {Decimal(0), fmt::format("{} {}，不在任何评分区间内，得 0 分。", name, Pct(v))};
}

RuleResult PassLine(const Indicator& ind, const Rule& r, const Decimal& v, const std::string& name) {
  if (v >= r.full)
    return {ind.weight, fmt::format("{} {}，达到 {}，得满分 {}。", name, Pct(v), Limit(r.full), Pts(ind.weight))};
  if (v < r.pass)
    return {Decimal(0), fmt::format("{} {}，低于及格线 {}，得 0 分。", name, Pct(v), Limit(r.pass))};
  Decimal score = (v - r.pass) / (r.full - r.pass) * ind.weight;
  return {score, fmt::format("{} {}：({} − {}) ÷ ({} − {}) × {} = {}。", name, Pct(v), Pct(v),
                             Limit(r.pass), Limit(r.full), Limit(r.pass), ind.weight.ToShort(),
                             Pts(score.Round(2)))};
}

}  // namespace

std::string CircledNumber(int n) {
  static const char* circled[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩",
                                  "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳"};
  if (n >= 1 && n <= 20) return circled[n - 1];
  return "(" + std::to_string(n) + ")";
}

RuleResult ApplyRule(const Indicator& ind, const Rule& r, const RuleInput& in) {
  const std::string& name = r.value;
  const Decimal v = in.value.value_or(Decimal());
  const Answer* a = in.answer;
  switch (r.kind) {
    case RuleKind::kChecklist:
    case RuleKind::kChecklistPoints:
      return Checklist(ind, r, *a);
    case RuleKind::kRatio: {
      // "得分=资金到位率*权重分，最高得分2分" (002 B11).
      Decimal cap = r.cap ? Min(*r.cap, ind.weight) : ind.weight;
      Decimal raw = Max(Decimal(0), v * ind.weight);
      Decimal score = Min(raw, cap);
      return {score, fmt::format("{} {} × 权重 {} = {}{}。", name, Pct(v), ind.weight.ToShort(),
                                 Pts(raw.Round(2)),
                                 raw > cap ? fmt::format("，最高得 {}", Pts(cap)) : "")};
    }
    case RuleKind::kSteps: return Steps(ind, r, v, name);
    case RuleKind::kProportional: return Proportional(ind, r, v, name);
    case RuleKind::kBands: return Bands(ind, r, v, name, in.lookup);
    case RuleKind::kPassLine: return PassLine(ind, r, v, name);
    case RuleKind::kAllOrNothing: {
      bool met;
      if (!r.formula.Empty()) met = !r.formula.Evaluate(in.lookup).IsZero();
      else met = a && a->met.value_or(false);
      if (met) return {ind.weight, fmt::format("满足要求，得满分 {}。", Pts(ind.weight))};
      return {Decimal(0), "不满足要求，得 0 分。"};
    }
    case RuleKind::kConditions: {
      Decimal sum;
      std::string parts;
      for (const auto& c : r.conditions) {
        bool ok = !c.when.Evaluate(in.lookup).IsZero();
        if (ok) sum += c.points;
        parts += fmt::format("{}“{}”{}，得 {}", parts.empty() ? "" : "；", c.text,
                             ok ? "满足" : "不满足", Pts(ok ? c.points : Decimal(0)));
      }
      Decimal score = Clamp(sum, ind.weight);
      return {score, fmt::format("{}；合计得 {}。", parts, Pts(score))};
    }
    case RuleKind::kQualitative: {
      const Tier* t = nullptr;
      for (const auto& tier : r.tiers)
        if (tier.name == a->tier) t = &tier;
      Decimal s = ScaledAnswerScore(ind, *a->score);  // 折算计分 when others are 不适用
      return {s, fmt::format("评价为“{}”（{}–{} 权重分），得 {}。", a->tier,
                             t ? t->low.ToPercent(0) : "", t ? t->high.ToPercent(0) : "", Pts(s))};
    }
    case RuleKind::kManual: {
      Decimal s = ScaledAnswerScore(ind, *a->score);
      if (s == ind.weight) return {s, fmt::format("评价组评定得满分 {}。", Pts(s))};
      return {s, fmt::format("评价组评定得 {}（满分 {}）。", Pts(s), Pts(ind.weight))};
    }
    case RuleKind::kFormula: {
      Decimal raw = r.formula.Evaluate([&](const std::string& n) -> std::optional<Decimal> {
        if (n == "weight") return ind.weight;
        return in.lookup(n);
      });
      Decimal s = Clamp(raw, ind.weight);
      return {s, fmt::format("按公式 {} 计算得 {}{}。", r.formula.Text(), Pts(s),
                             s != raw ? "（限于 0 至满分）" : "")};
    }
    case RuleKind::kTarget: return ApplyTargetRule(ind, r, in);          // self_evaluation.cpp
    case RuleKind::kBudgetRate: return ApplyBudgetRateRule(ind, r, in);
  }
  return {Decimal(0), ""};
}

}  // namespace jixiao
