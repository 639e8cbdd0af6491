// Loading the self-evaluation parts of a system and a project (see
// load_self_evaluation.h), with every problem a diagnostic at its line.
#include "load/load_self_evaluation.h"

#include <algorithm>
#include <functional>
#include <set>

#include "base/messages.h"
#include "base/precision.h"
#include "formats/yaml/yaml_source.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

using Opt = SelfEvaluationOptions;

// A scalar that must be one of `names`: its index, or -1 (reported).
int Choice(const YamlFile& y, const YamlNode& map, const char* key,
           const std::vector<std::string>& names, Opt& opt, Diagnostics& diags) {
  auto v = y.String(map, key, false, "", diags);
  if (!v) return -1;
  for (size_t i = 0; i < names.size(); ++i) {
    if (*v == names[i]) {
      opt.written.push_back(std::string(key) + ": " + *v);
      return static_cast<int>(i);
    }
  }
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  diags.ErrorHint(y.Loc(map[key]), "", NearestName(*v, names), msg::kBadChoice, *v, list);
  return -1;
}

void ReadTiers(const YamlFile& y, const YamlNode& ts, std::vector<Tier>& tiers, Diagnostics& diags) {
  if (!y.IsList(ts, "qualitative_tiers", "", diags)) return;
  std::vector<Tier> read;
  for (const auto& t : ts) {
    if (!y.IsMap(t, "tier {name, low, high}", "", diags)) return;
    y.CheckKeys(t, {"name", "low", "high"}, "", diags);
    read.push_back(Tier{y.String(t, "name", true, "", diags).value_or(""),
                        y.Number(t, "low", true, "", diags).value_or(Decimal()),
                        y.Number(t, "high", true, "", diags).value_or(Decimal())});
  }
  bool ok = !read.empty() && read.front().high == Decimal(1) && read.back().low.IsZero();
  for (size_t i = 0; ok && i < read.size(); ++i) {
    if (read[i].low >= read[i].high) ok = false;
    if (i + 1 < read.size() && read[i].low != read[i + 1].high) ok = false;
  }
  if (!ok) {
    diags.Error(y.Loc(ts), "", msg::kTiersShape);
    return;
  }
  tiers = read;
}

std::optional<Decimal> OptionalNumber(const YamlFile& y, const YamlNode& map, const char* key,
                                      Diagnostics& diags) {
  if (!map[key] || (map[key].IsScalar() && map[key].Scalar().empty())) return std::nullopt;
  return y.Number(map, key, false, "", diags);
}

void ReadBudgetRow(const YamlFile& y, const YamlNode& n, BudgetRow& row, Diagnostics& diags) {
  row.loc = y.Loc(n);
  row.initial = OptionalNumber(y, n, "initial", diags);
  row.full_year = OptionalNumber(y, n, "full_year", diags);
  row.adjusted = OptionalNumber(y, n, "adjusted", diags);
  row.received = OptionalNumber(y, n, "received", diags);
  row.executed = OptionalNumber(y, n, "executed", diags);
}

}  // namespace

void ReadSystemOptions(const YamlFile& y, const YamlNode& root, IndicatorSystem& sys,
                       Diagnostics& diags) {
  if (auto layout = y.String(root, "layout", false, "", diags)) {
    if (*layout == "self_evaluation") sys.layout = *layout;
    else if (*layout != "evaluation")
      diags.ErrorHint(y.Loc(root["layout"]), "", NearestName(*layout, {"evaluation", "self_evaluation"}),
                      msg::kBadChoice, *layout, "evaluation, self_evaluation");
  }
  YamlNode o = root["options"];
  if (!o || !y.IsMap(o, "options", "", diags)) return;
  y.CheckKeys(o, {"budget_rate", "budget_base", "budget_intervals", "budget_steps", "at_most_scoring",
                  "equal_scoring", "equal_tolerance", "overachievement_threshold", "qualitative_tiers"},
              "", diags);
  Opt& opt = sys.options;
  int c = Choice(y, o, "budget_rate", {"proportional", "intervals_101", "steps"}, opt, diags);
  if (c >= 0) opt.budget_rate = static_cast<Opt::BudgetRate>(c);
  c = Choice(y, o, "budget_base", {"全年预算数", "调整后预算数", "实际到位资金"}, opt, diags);
  if (c >= 0) opt.budget_base = static_cast<Opt::BudgetBase>(c);
  c = Choice(y, o, "at_most_scoring", {"ratio", "linear"}, opt, diags);
  if (c >= 0) opt.at_most = static_cast<Opt::AtMost>(c);
  c = Choice(y, o, "equal_scoring", {"proportional", "all_or_nothing"}, opt, diags);
  if (c >= 0) opt.equal = static_cast<Opt::Equal>(c);
  if (auto t = y.Number(o, "equal_tolerance", false, "", diags)) {
    if (t->Sign() < 0) diags.Error(y.Loc(o["equal_tolerance"]), "", msg::kMustBePositive, "equal_tolerance");
    opt.equal_tolerance = *t;
    opt.written.push_back("equal_tolerance: " + o["equal_tolerance"].Scalar());
  }
  if (auto t = y.Number(o, "overachievement_threshold", false, "", diags)) {
    if (t->Sign() <= 0)
      diags.Error(y.Loc(o["overachievement_threshold"]), "", msg::kMustBePositive, "overachievement_threshold");
    opt.overachievement = *t;
    opt.written.push_back("overachievement_threshold: " + o["overachievement_threshold"].Scalar());
  }
  if (YamlNode iv = o["budget_intervals"]) {
    if (y.IsList(iv, "budget_intervals", "", diags)) {
      std::vector<Opt::Interval> read;
      for (const auto& b : iv) {
        if (!y.IsMap(b, "interval {min, score}", "", diags)) continue;
        y.CheckKeys(b, {"min", "score"}, "", diags);
        Opt::Interval i{y.Number(b, "min", false, "", diags).value_or(Decimal()),
                        y.Number(b, "score", true, "", diags).value_or(Decimal())};
        if (!read.empty() && i.min >= read.back().min)
          diags.Error(y.Loc(b), "", msg::kBandsOrder, i.min.ToExactString(), read.back().min.ToExactString());
        if (i.share.Sign() < 0 || i.share > Decimal(1))
          diags.Error(y.Loc(b), "", msg::kRateOutOfRange, i.share.ToPercent(kPercentPlaces), "100%");
        read.push_back(i);
      }
      if (read.empty() || !read.back().min.IsZero()) read.push_back({Decimal(0), Decimal(0)});
      opt.intervals = read;
      opt.written.push_back("budget_intervals");
    }
  }
  if (YamlNode st = o["budget_steps"]) {
    if (y.IsMap(st, "budget_steps", "", diags)) {
      y.CheckKeys(st, {"full_at", "step", "deduct"}, "", diags);
      opt.steps_full_at = y.Number(st, "full_at", true, "", diags).value_or(Decimal(1));
      opt.steps_step = y.Number(st, "step", true, "", diags).value_or(Decimal(1));
      opt.steps_deduct = y.Number(st, "deduct", true, "", diags).value_or(Decimal(1));
      if (opt.steps_step.Sign() <= 0) diags.Error(y.Loc(st), "", msg::kMustBePositive, "step");
      if (opt.steps_deduct.Sign() <= 0) diags.Error(y.Loc(st), "", msg::kMustBePositive, "deduct");
    }
  } else if (opt.budget_rate == Opt::BudgetRate::kSteps) {
    diags.Error(y.Loc(o["budget_rate"]), "", msg::kBudgetStepsMissing);
  }
  if (YamlNode ts = o["qualitative_tiers"]) {
    ReadTiers(y, ts, opt.tiers, diags);
    opt.written.push_back("qualitative_tiers");
  }
}

void ReadSelfEvaluationAnswer(const YamlFile& y, const YamlNode& v, Answer& a, Diagnostics& diags) {
  if (auto t = y.String(v, "target", false, a.code, diags)) {
    a.target = *t;
    a.target_loc = y.Loc(v["target"]);
  }
  if (auto t = y.String(v, "actual", false, a.code, diags)) {
    a.actual = *t;
    a.actual_loc = y.Loc(v["actual"]);
  }
  a.baseline = y.String(v, "baseline", false, a.code, diags).value_or("");
  a.deviation_reason = y.String(v, "deviation_reason", false, a.code, diags).value_or("");
  if (YamlNode na = v["not_applicable"]) {
    // true/是, or the reason itself: "not_applicable: 本年度未发生".
    std::optional<bool> yes = na.IsScalar() ? ParseYesNo(na.Scalar()) : std::nullopt;
    if (yes) {
      a.not_applicable = *yes;
    } else if (na.IsScalar() && !na.Scalar().empty()) {
      a.not_applicable = true;
      if (a.reason.empty()) a.reason = na.Scalar();
    } else {
      diags.Error(y.Loc(na), a.code, msg::kExpectedYesNo, na.IsScalar() ? na.Scalar() : "");
    }
  }
}

void ReadBudget(const YamlFile& y, const YamlNode& n, Budget& b, Diagnostics& diags) {
  if (!y.IsMap(n, "budget", "", diags)) return;
  y.CheckKeys(n, {"unit", "initial", "full_year", "adjusted", "received", "executed", "sources"}, "", diags);
  b.present = true;
  b.loc = y.Loc(n);
  if (auto unit = y.String(n, "unit", false, "", diags)) {
    if (*unit != "万元" && *unit != "元") diags.Error(y.Loc(n["unit"]), "", msg::kBadChoice, *unit, "万元, 元");
    b.unit = *unit;
  }
  b.total.name = "年度资金总额";
  ReadBudgetRow(y, n, b.total, diags);
  if (YamlNode s = n["sources"]) {
    if (y.IsList(s, "sources", "", diags)) {
      for (const auto& r : s) {
        if (!y.IsMap(r, "source {name, initial, full_year, executed}", "", diags)) continue;
        y.CheckKeys(r, {"name", "initial", "full_year", "adjusted", "received", "executed"}, "", diags);
        BudgetRow row;
        row.name = y.String(r, "name", true, "", diags).value_or("");
        ReadBudgetRow(y, r, row, diags);
        b.sources.push_back(row);
      }
    }
  }
  for (const auto& m : FillBudgetTotals(b))
    diags.Error(y.Loc(n["sources"]), "", msg::kBudgetSourcesSum, m.column, m.sum.ToExactString(),
                m.total.ToExactString());
}

namespace {

using BudgetField = std::optional<Decimal> BudgetRow::*;
const std::pair<BudgetField, const char*> kBudgetFields[] = {
    {&BudgetRow::initial, "年初预算数"},    {&BudgetRow::full_year, "全年预算数"},
    {&BudgetRow::adjusted, "调整后预算数"}, {&BudgetRow::received, "实际到位资金"},
    {&BudgetRow::executed, "全年执行数"}};

}  // namespace

std::vector<BudgetColumnMismatch> FillBudgetTotals(Budget& b) {
  // Each column of the sources adds up to the annual total; a total left
  // out is their sum.
  std::vector<BudgetColumnMismatch> out;
  for (const auto& [field, name] : kBudgetFields) {
    Decimal sum;
    bool any = false;
    for (const auto& row : b.sources) {
      if (row.*field) {
        sum += *(row.*field);
        any = true;
      }
    }
    if (!any) continue;
    if (!(b.total.*field)) b.total.*field = sum;
    else if (*(b.total.*field) != sum) out.push_back(BudgetColumnMismatch{name, sum, *(b.total.*field)});
  }
  return out;
}

std::optional<Decimal> BudgetRow::*BudgetColumn(const char* column) {
  for (const auto& [field, name] : kBudgetFields)
    if (std::string(name) == column) return field;
  return nullptr;
}

void ReadGoals(const YamlFile& y, const YamlNode& n, Goals& g, Diagnostics& diags) {
  if (!y.IsMap(n, "goals", "", diags)) return;
  y.CheckKeys(n, {"expected", "actual"}, "", diags);
  g.expected = y.String(n, "expected", false, "", diags).value_or("");
  g.actual = y.String(n, "actual", false, "", diags).value_or("");
}

void ReadTables(const YamlFile& y, const YamlNode& n, std::vector<DataTable>& tables,
                Diagnostics& diags) {
  if (!y.IsList(n, "tables", "", diags)) return;
  for (const auto& t : n) {
    if (!y.IsMap(t, "table {title, columns, rows, total}", "", diags)) continue;
    y.CheckKeys(t, {"title", "unit", "columns", "rows", "total"}, "", diags);
    DataTable table;
    table.loc = y.Loc(t);
    table.title = y.String(t, "title", true, "", diags).value_or("");
    table.unit = y.String(t, "unit", false, "", diags).value_or("");
    if (YamlNode cols = t["columns"]; cols && y.IsList(cols, "columns", "", diags))
      for (const auto& c : cols) table.columns.push_back(c.Scalar());
    else if (!cols)
      diags.Error(table.loc, "", msg::kMissingKey, "columns");
    auto read_row = [&](const YamlNode& r) -> std::optional<DataRow> {
      if (!y.IsList(r, "row [label, …]", "", diags)) return std::nullopt;
      DataRow row;
      row.loc = y.Loc(r);
      size_t i = 0;
      for (const auto& c : r) {
        std::string text = c.IsScalar() ? c.Scalar() : "";
        if (i++ == 0) {
          row.label = text;
          continue;
        }
        row.cells.push_back(text);
        row.values.push_back(Decimal::Parse(text));
      }
      if (!table.columns.empty() && i != table.columns.size())
        diags.Error(row.loc, "", msg::kTableColumns, i, table.columns.size());
      return row;
    };
    if (YamlNode rows = t["rows"]; rows && y.IsList(rows, "rows", "", diags)) {
      for (const auto& r : rows)
        if (auto row = read_row(r)) table.rows.push_back(*row);
    } else if (!rows) {
      diags.Error(table.loc, "", msg::kMissingKey, "rows");
    }
    if (YamlNode total = t["total"]) table.total = read_row(total);
    // A 小计/合计 column is the sum of the row's other figures.
    for (size_t c = 1; c < table.columns.size(); ++c) {
      const std::string& name = table.columns[c];
      if (name != "小计" && name != "合计") continue;
      auto check = [&](const DataRow& row) {
        if (c - 1 >= row.values.size() || !row.values[c - 1]) return;
        Decimal others;
        for (size_t k = 0; k < row.values.size(); ++k)
          if (k != c - 1 && row.values[k]) others += *row.values[k];
        if (others != *row.values[c - 1])
          diags.Error(row.loc, "", msg::kTableSubtotal, row.label, name, row.cells[c - 1],
                      others.ToExactString());
      };
      for (const auto& row : table.rows) check(row);
      if (table.total) check(*table.total);
    }
    // The total row is the sum of each column.
    if (table.total) {
      for (size_t k = 0; k < table.total->values.size(); ++k) {
        if (!table.total->values[k]) continue;
        Decimal sum;
        for (const auto& row : table.rows)
          if (k < row.values.size() && row.values[k]) sum += *row.values[k];
        if (sum != *table.total->values[k])
          diags.Error(table.total->loc, "", msg::kTableTotal,
                      k + 1 < table.columns.size() ? table.columns[k + 1] : std::to_string(k + 2),
                      sum.ToExactString(), table.total->cells[k]);
      }
    }
    tables.push_back(table);
  }
}

void BindSelfEvaluation(const Project& p, Diagnostics& diags) {
  const IndicatorSystem& sys = *p.system;
  bool budget_na = false;
  int scope = 0, scope_left = 0;  // leaves other than 预算执行率, and those applicable
  sys.ForEach([&](const Indicator& ind) {
    if (!ind.IsLeaf()) return;
    auto it = p.answers.find(ind.code);
    const Answer* a = it == p.answers.end() ? nullptr : &it->second;
    bool budget = ind.rule && ind.rule->kind == RuleKind::kBudgetRate;
    if (!budget) ++scope;
    if (a && a->not_applicable) {
      if (a->reason.empty())
        diags.Error(a->loc, ind.code,
                    a->not_assessable.empty() ? msg::kNotApplicableNeedsReason : msg::kNotAssessableNeedsReason);
      std::string extra;
      if (a->score) extra = "score";
      else if (!a->tier.empty()) extra = "tier";
      else if (!a->actual.empty()) extra = "actual";
      else if (a->unmet || a->met) extra = a->unmet ? "unmet" : "met";
      if (!extra.empty()) diags.Error(a->loc, ind.code, msg::kNotApplicableWithData, extra);
      if (budget) budget_na = true;
      return;
    }
    if (!budget && ind.weight.Sign() > 0) ++scope_left;
    if (!ind.rule) return;
    // target, budget_rate: the checks that need the budget and the named values.
    UnitOf(ind.rule->kind).BindProject(ind, *ind.rule, a, p, diags);
  });
  if (scope > 0 && scope_left == 0 && !budget_na) diags.Error(SourceLoc{p.file}, "", msg::kAllNotApplicable);
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
  // Largest remainder at a weight's precision: the rescaled weights sum to
  // `total`. A cent here is one unit of the last decimal a weight shows.
  Decimal hundred(1);
  for (int i = 0; i < kScorePlaces; ++i) hundred = hundred * Decimal(10);
  Decimal target_cents = total.Round(kScorePlaces) * hundred;
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
    rem[i].first->weight = rem[i].first->weight + Decimal(1) / hundred;
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

}  // namespace jixiao
