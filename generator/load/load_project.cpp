#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <set>

#include "load/load.h"
#include "load/load_self_form.h"
#include "load/input_kind.h"
#include "load/load_stated.h"
#include "load/load_workbook.h"
#include "base/messages.h"
#include "base/precision.h"
#include "load/load_self_evaluation.h"
#include "rules/rule_kind.h"
#include "formats/yaml/yaml_source.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

// Every name a formula may read in this project, with where it is defined.
std::map<std::string, SourceLoc> ProjectNames(const Project& p) {
  std::map<std::string, SourceLoc> names;
  for (const auto& v : p.values) names[v.name] = v.loc;
  for (const auto& m : p.metrics) names[m.name] = m.loc;
  for (const auto& s : p.surveys) {
    for (const auto& o : s.options) names[s.id + "." + o] = s.loc;
    if (!s.options.empty()) names[s.id + ".合计"] = s.loc;
    for (const auto& [item, rate] : s.items) names[s.id + "." + item] = s.loc;
    if (!s.items.empty()) names[s.id + ".平均"] = s.loc;
  }
  return names;
}

std::vector<std::string> Keys(const std::map<std::string, SourceLoc>& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

struct ProjectReader {
  const YamlFile& y;
  Diagnostics& diags;
  Project& p;

  void ReadInfo(const YamlNode& n, bool name_required = true) {
    if (!y.IsMap(n, "project", "", diags)) return;
    y.CheckKeys(n, {"name", "year", "department", "implementer", "commissioner", "evaluator",
                    "lead_evaluator", "date"},
                "", diags);
    p.info.name = y.String(n, "name", name_required, "", diags).value_or("");
    p.info.year = y.String(n, "year", false, "", diags).value_or("");
    p.info.department = y.String(n, "department", false, "", diags).value_or("");
    p.info.implementer = y.String(n, "implementer", false, "", diags).value_or("");
    p.info.commissioner = y.String(n, "commissioner", false, "", diags).value_or("");
    p.info.evaluator = y.String(n, "evaluator", false, "", diags).value_or("");
    p.info.lead_evaluator = y.String(n, "lead_evaluator", false, "", diags).value_or("");
    p.info.date = y.String(n, "date", false, "", diags).value_or("");
  }

  void ReadValues(const YamlNode& n) {
    if (!y.IsMap(n, "values", "", diags)) return;
    for (auto it = n.begin(); it != n.end(); ++it) {
      NamedValue v;
      v.name = it->first.Scalar();
      v.loc = y.Loc(it->second);
      auto d = y.NumberOf(it->second, "", diags);
      if (!d) continue;
      v.value = *d;
      v.percent = it->second.Scalar().find('%') != std::string::npos;
      p.values.push_back(std::move(v));
    }
  }

  void ReadMetrics(const YamlNode& n) {
    if (!y.IsMap(n, "metrics", "", diags)) return;
    for (auto it = n.begin(); it != n.end(); ++it) {
      Metric m;
      m.name = it->first.Scalar();
      m.loc = y.Loc(it->second);
      m.percent = true;
      YamlNode text = it->second;
      if (it->second.IsMap()) {
        y.CheckKeys(it->second, {"formula", "unit", "places"}, "", diags);
        text = it->second["formula"];
        if (!text) {
          diags.Error(m.loc, "", msg::kMissingKey, "formula");
          continue;
        }
        if (auto unit = y.String(it->second, "unit", false, "", diags)) {
          if (*unit == "number") m.percent = false;
          else if (*unit != "percent")
            diags.Error(y.Loc(it->second["unit"]), "", msg::kBadChoice, *unit, "percent, number");
        }
        if (auto places = y.Number(it->second, "places", false, "", diags)) {
          if (!places->IsInteger() || *places < Decimal(0) || *places > Decimal(8))
            diags.Error(y.Loc(it->second["places"]), "", msg::kBadPlaces, places->ToExactString());
          else
            m.places = static_cast<int>(places->Raw().get_num().get_si());
        }
      }
      if (!text.IsScalar()) {
        diags.Error(y.Loc(text), "", msg::kExpectedText, "formula");
        continue;
      }
      try {
        m.formula = Formula::Parse(text.Scalar());
      } catch (const FormulaError& e) {
        diags.Error(y.Loc(text), "", msg::kFormulaSyntax, QuoteFormula(text.Scalar()), e.what());
        continue;
      }
      p.metrics.push_back(std::move(m));
    }
  }

  void ReadSurveys(const YamlNode& n) {
    if (!y.IsList(n, "surveys", "", diags)) return;
    std::set<std::string> ids;
    for (const auto& s : n) {
      if (!y.IsMap(s, "survey", "", diags)) continue;
      y.CheckKeys(s, {"id", "title", "options", "counts", "items"}, "", diags);
      Survey sv;
      sv.loc = y.Loc(s);
      sv.id = y.String(s, "id", true, "", diags).value_or("");
      sv.title = y.String(s, "title", false, "", diags).value_or("");
      if (!sv.id.empty() && !ids.insert(sv.id).second)
        diags.Error(y.Loc(s["id"]), "", msg::kDuplicateSurvey, sv.id);
      if (s["options"] || s["counts"]) {
        YamlNode opts = s["options"], counts = s["counts"];
        if (!opts || !counts) {
          diags.Error(sv.loc, "", msg::kMissingKey, !opts ? "options" : "counts");
        } else if (y.IsList(opts, "options", "", diags) && y.IsList(counts, "counts", "", diags)) {
          for (const auto& o : opts) sv.options.push_back(o.Scalar());
          for (const auto& c : counts) {
            auto d = y.NumberOf(c, "", diags);
            if (d && (!d->IsInteger() || d->Sign() < 0))
              diags.Error(y.Loc(c), "", msg::kBadCount, d->ToExactString());
            sv.counts.push_back(d.value_or(Decimal()));
          }
          if (sv.options.size() != sv.counts.size())
            diags.Error(y.Loc(counts), "", msg::kCountsMismatch, sv.counts.size(), sv.options.size());
        }
      }
      if (YamlNode items = s["items"]) {
        if (y.IsMap(items, "items", "", diags)) {
          for (auto it = items.begin(); it != items.end(); ++it) {
            auto d = y.NumberOf(it->second, "", diags);
            if (d && (d->Sign() < 0 || *d > Decimal(1)))
              diags.Error(y.Loc(it->second), "", msg::kRateOutOfRange, d->ToPercent(kPercentPlaces), "100%");
            sv.items.emplace_back(it->first.Scalar(), d.value_or(Decimal()));
          }
        }
      }
      if (sv.options.empty() && sv.items.empty())
        diags.Error(sv.loc, "", msg::kMissingKey, "options + counts / items");
      p.surveys.push_back(std::move(sv));
    }
  }

  void ReadAnswers(const YamlNode& n, const IndicatorSystem& sys) {
    if (!y.IsMap(n, "answers", "", diags)) return;
    std::vector<std::string> leaves;
    sys.ForEach([&](const Indicator& i) {
      if (i.IsLeaf()) leaves.push_back(i.code);
    });
    for (auto it = n.begin(); it != n.end(); ++it) {
      Answer a;
      a.code = it->first.Scalar();
      a.loc = y.Loc(it->first);
      const Indicator* ind = sys.Find(a.code);
      if (!ind || !ind->IsLeaf()) {
        diags.ErrorHint(a.loc, a.code, NearestName(a.code, leaves),
                        ind ? msg::kAnswerForParent : msg::kUnknownIndicator, a.code, sys.file);
        continue;
      }
      const YamlNode v = it->second;
      if (!y.IsMap(v, "answer", a.code, diags)) continue;
      y.CheckKeys(v, {"unmet", "met", "score", "tier", "reason", "target", "actual", "baseline",
                      "deviation_reason", "not_applicable", "not_assessable", "points", "objects"},
                  a.code, diags);
      if (YamlNode u = v["unmet"]) {
        if (y.IsList(u, "unmet", a.code, diags)) {
          std::vector<int> unmet;
          for (const auto& e : u) {
            auto d = y.NumberOf(e, a.code, diags);
            if (!d) continue;
            size_t count = ind->rule ? UnitOf(ind->rule->kind).ItemCount(*ind->rule) : 0;
            if (!d->IsInteger() || *d < Decimal(1) || *d > Decimal(static_cast<long>(count))) {
              diags.Error(y.Loc(e), a.code, msg::kNoSuchPoint, d->ToExactString(), count);
              continue;
            }
            unmet.push_back(static_cast<int>(d->Raw().get_num().get_si()));
          }
          a.unmet = std::move(unmet);
        }
      }
      a.met = y.Bool(v, "met", false, a.code, diags);
      a.score = y.Number(v, "score", false, a.code, diags);
      if (v["score"]) a.score_loc = y.Loc(v["score"]);
      a.tier = y.String(v, "tier", false, a.code, diags).value_or("");
      a.reason = y.String(v, "reason", false, a.code, diags).value_or("");
      ReadSelfEvaluationAnswer(y, v, a, diags);  // target, actual, … (load_self_evaluation.cpp)
      ReadPointAnswers(v, *ind, a);
      auto at = p.answers.lower_bound(a.code);
      if (at != p.answers.end() && at->first == a.code)
        diags.Error(a.loc, a.code, msg::kDuplicateAnswer, a.code);
      else
        p.answers.emplace_hint(at, a.code, std::move(a));  // the pair's key is copied before `a` moves
    }
  }

  // A points rule's answer: `points` (要点 number → met / not met / a map),
  // `objects`, and for any rule `not_assessable: full | rescale`.
  void ReadPointAnswers(const YamlNode& v, const Indicator& ind, Answer& a) {
    if (YamlNode na = v["not_assessable"]) {
      a.not_assessable = ReadTreatment(na, a.code);
      if (a.not_assessable == "rescale") a.not_applicable = true;  // 折算计分, as 不适用
    }
    if (v["objects"]) {
      a.objects = y.Number(v, "objects", false, a.code, diags);
      a.objects_loc = y.Loc(v["objects"]);
      if (a.objects && (!a.objects->IsInteger() || a.objects->Sign() < 0)) {
        diags.Error(a.objects_loc, a.code, msg::kExpectedCount, "objects", a.objects->ToExactString());
        a.objects.reset();
      }
    }
    YamlNode pts = v["points"];
    if (!pts || !y.IsMap(pts, "points", a.code, diags)) return;
    const size_t count = ind.rule ? UnitOf(ind.rule->kind).ItemCount(*ind.rule) : 0;
    for (auto it = pts.begin(); it != pts.end(); ++it) {
      PointAnswer pa;
      pa.loc = y.Loc(it->first);
      auto n = y.NumberOf(it->first, a.code, diags);
      if (!n) continue;
      if (!n->IsInteger() || *n < Decimal(1) || *n > Decimal(static_cast<long>(count))) {
        diags.Error(pa.loc, a.code, msg::kNoSuchPoint, n->ToExactString(), count);
        continue;
      }
      pa.number = static_cast<int>(n->Raw().get_num().get_si());
      for (const auto& seen : a.points)
        if (seen.number == pa.number) diags.Error(pa.loc, a.code, msg::kDuplicateAnswer, a.code + "-" + it->first.Scalar());
      const YamlNode pv = it->second;
      if (pv.IsScalar()) {
        // `2: unmet`, `2: 否`, `2: met`.
        std::string word = pv.Scalar();
        std::optional<bool> yes = word == "met" ? std::optional<bool>(true)
                                  : word == "unmet" ? std::optional<bool>(false)
                                                    : ParseYesNo(word);
        if (!yes) {
          diags.Error(y.Loc(pv), a.code, msg::kBadChoice, word, "met, unmet, {failures: N}, {score: S, reason: …}");
          continue;
        }
        pa.met = yes;
      } else if (y.IsMap(pv, "point answer {met, failures, score, reason, not_assessable}", a.code, diags)) {
        y.CheckKeys(pv, {"met", "failures", "score", "reason", "not_assessable"}, a.code, diags);
        pa.met = y.Bool(pv, "met", false, a.code, diags);
        pa.failures = y.Number(pv, "failures", false, a.code, diags);
        if (pa.failures && (!pa.failures->IsInteger() || pa.failures->Sign() < 0)) {
          diags.Error(y.Loc(pv["failures"]), a.code, msg::kExpectedCount, "failures", pa.failures->ToExactString());
          pa.failures.reset();
        }
        pa.score = y.Number(pv, "score", false, a.code, diags);
        if (pa.score && pa.score->Sign() < 0) diags.Error(y.Loc(pv["score"]), a.code, msg::kMustBePositive, "score");
        pa.reason = y.String(pv, "reason", false, a.code, diags).value_or("");
        if (YamlNode na = pv["not_assessable"]) pa.not_assessable = ReadTreatment(na, a.code);
      } else {
        continue;
      }
      a.points.push_back(std::move(pa));
    }
  }

  std::string ReadTreatment(const YamlNode& n, const std::string& code) {
    if (n.IsScalar() && (n.Scalar() == "full" || n.Scalar() == "rescale")) return n.Scalar();
    diags.Error(y.Loc(n), code, msg::kBadChoice, n.IsScalar() ? n.Scalar() : "", "full, rescale");
    return "";
  }

  std::vector<FundRow> ReadFundRows(const YamlNode& n, const char* what) {
    std::vector<FundRow> rows;
    if (!y.IsList(n, what, "", diags)) return rows;
    for (const auto& r : n) {
      if (!y.IsMap(r, "row {name, amount, note}", "", diags)) continue;
      y.CheckKeys(r, {"name", "amount", "note"}, "", diags);
      FundRow row;
      row.loc = y.Loc(r);
      row.name = y.String(r, "name", true, "", diags).value_or("");
      row.amount = y.Number(r, "amount", true, "", diags).value_or(Decimal());
      row.note = y.String(r, "note", false, "", diags).value_or("");
      rows.push_back(std::move(row));
    }
    return rows;
  }

  void ReadFunds(const YamlNode& n) {
    if (!y.IsMap(n, "funds", "", diags)) return;
    y.CheckKeys(n, {"unit", "sources", "uses", "balances"}, "", diags);
    if (auto unit = y.String(n, "unit", false, "", diags)) {
      if (*unit != "万元" && *unit != "元") diags.Error(y.Loc(n["unit"]), "", msg::kBadChoice, *unit, "万元, 元");
      p.funds.unit = *unit;
    }
    if (n["sources"]) p.funds.sources = ReadFundRows(n["sources"], "sources");
    if (n["uses"]) p.funds.uses = ReadFundRows(n["uses"], "uses");
    if (YamlNode b = n["balances"]) {
      if (!y.IsList(b, "balances", "", diags)) return;
      for (const auto& r : b) {
        if (!y.IsMap(r, "year {year, opening, income, spending, closing}", "", diags)) continue;
        y.CheckKeys(r, {"year", "opening", "income", "spending", "closing"}, "", diags);
        FundYear fy;
        fy.loc = y.Loc(r);
        fy.year = y.String(r, "year", true, "", diags).value_or("");
        fy.opening = y.Number(r, "opening", true, "", diags).value_or(Decimal());
        fy.income = y.Number(r, "income", true, "", diags).value_or(Decimal());
        fy.spending = y.Number(r, "spending", true, "", diags).value_or(Decimal());
        fy.closing = y.Number(r, "closing", true, "", diags).value_or(Decimal());
        p.funds.balances.push_back(std::move(fy));
      }
    }
  }

  void ReadComments(const YamlNode& n) {
    if (!y.IsList(n, "comments", "", diags)) return;
    for (const auto& c : n) {
      if (!y.IsMap(c, "comment {from, comment, response, reason}", "", diags)) continue;
      y.CheckKeys(c, {"from", "comment", "response", "reason"}, "", diags);
      Comment cm;
      cm.loc = y.Loc(c);
      cm.from = y.String(c, "from", false, "", diags).value_or("");
      cm.comment = y.String(c, "comment", true, "", diags).value_or("");
      cm.response = y.String(c, "response", true, "", diags).value_or("");
      cm.reason = y.String(c, "reason", false, "", diags).value_or("");
      if (!cm.response.empty() && cm.response != "采纳" && cm.response != "部分采纳" &&
          cm.response != "不予采纳")
        diags.Error(y.Loc(c["response"]), "", msg::kBadChoice, cm.response, "采纳, 部分采纳, 不予采纳");
      else if (cm.response != "采纳" && cm.reason.empty())
        diags.Error(cm.loc, "", msg::kMissingKey, "reason");
      p.comments.push_back(std::move(cm));
    }
  }

  void ReadDeductions(const YamlNode& n) {
    if (!y.IsList(n, "deductions", "", diags)) return;
    for (const auto& d : n) {
      if (!y.IsMap(d, "deduction {reason, points}", "", diags)) continue;
      y.CheckKeys(d, {"reason", "points"}, "", diags);
      Deduction ded;
      ded.loc = y.Loc(d);
      ded.reason = y.String(d, "reason", true, "", diags).value_or("");
      ded.points = y.Number(d, "points", true, "", diags).value_or(Decimal());
      if (ded.points < Decimal(0)) diags.Error(y.Loc(d["points"]), "", msg::kMustBePositive, "points");
      p.deductions.push_back(std::move(ded));
    }
  }
};

// Binding: every name a rule or metric reads exists, every rule that needs
// an answer has one, and each answer fits its rule.
void Bind(const Project& p, const YamlFile& y, Diagnostics& diags) {
  const IndicatorSystem& sys = *p.system;
  auto names = ProjectNames(p);
  auto keys = Keys(names);
  SourceLoc at_project = y.Loc(y.root());
  at_project.line = 0;  // the whole file

  // Metrics: names exist, and no metric depends on itself.
  std::map<std::string, const Metric*> metric_by_name;
  for (const auto& m : p.metrics) metric_by_name[m.name] = &m;
  for (const auto& m : p.metrics)
    for (const auto& n : m.formula.Names())
      if (!names.count(n)) diags.ErrorHint(m.loc, "", NearestName(n, keys), msg::kUnknownName, n);
  // A walk with its own stack, finding cycles and the longest chain of
  // metrics each reading the next: scoring resolves a metric by resolving
  // those it reads first, so that chain is bounded (kMaxMetricChain).
  std::map<std::string, int> state;  // 1 visiting, 2 done
  std::map<std::string, size_t> height;  // of a done metric: the longest chain it starts
  struct Frame {
    const Metric* m;
    size_t next;  // the index in its Names() to look at next
  };
  for (const auto& top : p.metrics) {
    if (state[top.name] == 2) continue;
    if (state[top.name] == 1) {  // on the path of a cycle found before
      diags.Error(top.loc, "", msg::kMetricCycle, top.name);
      continue;
    }
    std::vector<Frame> stack{{&top, 0}};
    state[top.name] = 1;
    bool stop = false;
    while (!stack.empty() && !stop) {
      Frame& f = stack.back();
      const auto& reads = f.m->formula.Names();
      if (f.next < reads.size()) {
        auto it = metric_by_name.find(reads[f.next++]);
        if (it == metric_by_name.end() || state[it->first] == 2) continue;
        const Metric& dep = *it->second;
        if (state[dep.name] == 1) {
          diags.Error(dep.loc, "", msg::kMetricCycle, dep.name);
          stop = true;
          continue;
        }
        state[dep.name] = 1;
        stack.push_back({&dep, 0});
        continue;
      }
      size_t h = 1;
      for (const auto& n : reads) {
        auto it = height.find(n);
        if (it != height.end() && metric_by_name.count(n)) h = std::max(h, it->second + 1);
      }
      if (h > kMaxMetricChain) {
        diags.Error(f.m->loc, "", msg::kMetricTooDeep, f.m->name, kMaxMetricChain);
        return;
      }
      height[f.m->name] = h;
      state[f.m->name] = 2;
      stack.pop_back();
    }
  }

  auto check_formula = [&](const Formula& f, const SourceLoc& loc, const std::string& code,
                           bool allow_x) {
    for (const auto& n : f.Names()) {
      if (names.count(n) || n == "weight" || (allow_x && n == "x")) continue;
      diags.ErrorHint(loc, code, NearestName(n, keys), msg::kRuleNeedsName, n, p.file);
    }
  };

  sys.ForEach([&](const Indicator& ind) {
    if (!ind.rule) return;
    const Rule& r = *ind.rule;
    const std::string& code = ind.code;
    const RuleKindUnit& unit = UnitOf(r.kind);
    auto it = p.answers.find(code);
    const Answer* a = it == p.answers.end() ? nullptr : &it->second;
    // A target rule's answer may give the 实际完成值 itself.
    if (unit.ReadsValue(r, a) && !names.count(r.value))
      diags.ErrorHint(r.value_loc, code, NearestName(r.value, keys), msg::kRuleNeedsName, r.value,
                      p.file);
    for (const RuleFormula& f : unit.Formulas(r)) check_formula(*f.formula, f.loc, code, f.reads_x);

    // 不适用, and the kinds bound with the whole project: BindSelfEvaluation
    // (load_self_evaluation.cpp).
    if ((a && a->not_applicable) || unit.BindsWithProject()) return;
    if (a && a->not_assessable == "full") {  // the weight given; nothing else is read
      if (a->reason.empty()) diags.Error(a->loc, code, msg::kNotAssessableNeedsReason);
      return;
    }
    if (!a) {
      if (const char* what = unit.RequiredAnswer(r))
        diags.Error(at_project, code, msg::kMissingAnswer, RuleKindName(r.kind), what);
      return;
    }
    unit.BindAnswer(ind, r, *a, diags);  // rules/kinds/<kind>.cpp
    if (a->score) {
      if (*a->score > ind.weight)
        diags.Error(a->score_loc, code, msg::kScoreAboveWeight, a->score->ToExactString(),
                    ind.weight.ToExactString());
      else if (a->score->Sign() < 0)
        diags.Error(a->score_loc, code, msg::kMustBePositive, "score");
      else if (a->reason.empty() && (*a->score < ind.weight || unit.FullScoreNeedsReason()))
        diags.Error(a->score_loc, code, msg::kScoreNeedsReason, a->score->ToExactString(),
                    ind.weight.ToExactString());
    }
  });
}

bool IsYamlPath(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".yaml" || ext == ".yml";
}

std::string ResolveSystemPath(const std::string& project_file, const std::string& written) {
  fs::path w(written);
  if (w.is_absolute()) return written;
  return (fs::path(project_file).parent_path() / w).lexically_normal().string();
}

}  // namespace

std::shared_ptr<const IndicatorSystem> SystemCache::Get(const std::string& path) {
  {
    // The path as written first: resolving it touches the disk once per
    // component, and a batch names the same system hundreds of times.
    std::lock_guard<std::mutex> lock(mu_);
    auto it = by_path_.find(path);
    if (it != by_path_.end()) return it->second;
  }
  std::error_code ec;
  std::string key = fs::weakly_canonical(path, ec).string();
  if (ec) key = path;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = systems_.find(key);
    if (it != systems_.end()) return by_path_.emplace(path, it->second).first->second;
  }
  auto sys = LoadSystem(path);  // outside the lock: loading is the slow part
  std::lock_guard<std::mutex> lock(mu_);
  auto& kept = systems_.emplace(key, sys).first->second;
  by_path_.emplace(path, kept);
  return kept;
}

namespace {

// `file`: the project.yaml, read through `files`.
std::shared_ptr<const Project> LoadProjectFile(const std::string& file, std::shared_ptr<const InputFiles> files,
                                               const std::string& system_override, SystemCache* cache,
                                               bool review, const std::string& systems_folder = "") {
  const InputFiles& in = files ? *files : DiskFiles();
  std::optional<std::string> bytes = in.Read(file);  // a folder is not a file
  if (!bytes) Fail(SourceLoc{file}, "", msg::kCannotRead);
  YamlFile y = YamlFile::Parse(file, *bytes);
  Diagnostics diags;
  auto p = std::make_shared<Project>();
  p->review = review;
  p->file = file;
  p->dir = fs::path(file).parent_path().string();
  p->files = std::move(files);
  const YamlNode& root = y.root();
  if (!y.IsMap(root, "project file", "", diags)) throw InputError(diags);
  y.CheckKeys(root, {"project", "system", "values", "metrics", "surveys", "answers", "deductions",
               "funds", "comments", "stated", "text", "workbook", "budget", "goals", "tables"},
              "", diags);
  // 数据采集表.xlsx and `workbook:` (load_workbook.cpp) may give the project info.
  std::vector<std::string> workbooks = ProjectWorkbooks(y, in, diags);
  // `workbook:` names paths: each must lie in an allowed folder.
  workbooks.erase(std::remove_if(workbooks.begin(), workbooks.end(),
                                 [&](const std::string& w) {
                                   if (in.MayRead(w)) return false;
                                   diags.Error(y.Loc(root["workbook"]), "", msg::kPathNotAllowed, in.AllowedList());
                                   return true;
                                 }),
                  workbooks.end());
  ProjectReader r{y, diags, *p};
  if (root["project"]) r.ReadInfo(root["project"], workbooks.empty());
  else if (workbooks.empty()) diags.Error(y.Loc(root), "", msg::kMissingKey, "project");

  std::string sys_path = system_override;
  if (sys_path.empty()) {
    if (auto s = y.String(root, "system", true, "", diags)) {
      // A path from the input: an indicator system in an allowed folder, or
      // refused here, saying what it is and never what it holds.
      // With a folder of systems, a path that names no file in the allowed
      // folders (the sender's disk) is looked up there by its file name.
      std::string resolved = ResolveSystemPath(file, *s);
      if (!IsYamlPath(resolved)) diags.Error(y.Loc(root["system"]), "", msg::kSystemNotYaml, *s);
      else if (systems_folder.empty() && !in.MayRead(resolved))
        diags.Error(y.Loc(root["system"]), "", msg::kPathNotAllowed, in.AllowedList());
      else if (systems_folder.empty() || (in.MayRead(resolved) && in.IsFile(resolved))) sys_path = resolved;
      else {
        const std::string name = SystemFileName(*s);
        const std::string there = name.empty() ? "" : (fs::path(systems_folder) / name).string();
        if (!there.empty() && in.MayRead(there) && in.IsFile(there)) sys_path = there;
        else diags.Error(y.Loc(root["system"]), "", msg::kSystemNotInFolder, *s, systems_folder, name.empty() ? *s : name);
      }
    }
  }
  if (sys_path.empty()) throw InputError(diags);
  try {
    p->system = cache ? cache->Get(sys_path) : LoadSystem(sys_path);
  } catch (const InputError& e) {
    diags.Append(e.diagnostics());
    throw InputError(diags);
  }
  // An exact value past kMaxExactDigits while a section is read (a sum of
  // huge figures) is an error at that section, not at the command's input.
  auto section = [&](const char* key, const std::function<void(const YamlNode&)>& read) {
    YamlNode n = root[key];
    if (!n) return;
    try {
      read(n);
    } catch (const DecimalLimitError&) {
      diags.Error(y.Loc(n), "", msg::kValueTooLarge, kMaxExactDigits);
    }
  };
  section("values", [&](const YamlNode& n) { r.ReadValues(n); });
  section("metrics", [&](const YamlNode& n) { r.ReadMetrics(n); });
  section("surveys", [&](const YamlNode& n) { r.ReadSurveys(n); });
  section("answers", [&](const YamlNode& n) { r.ReadAnswers(n, *p->system); });
  section("deductions", [&](const YamlNode& n) { r.ReadDeductions(n); });
  section("funds", [&](const YamlNode& n) { r.ReadFunds(n); });
  section("comments", [&](const YamlNode& n) { r.ReadComments(n); });
  section("stated", [&](const YamlNode& n) { ReadStated(y, n, diags, p->stated); });
  section("budget", [&](const YamlNode& n) { ReadBudget(y, n, p->budget, diags); });  // self-evaluation
  section("goals", [&](const YamlNode& n) { ReadGoals(y, n, p->goals, diags); });
  section("tables", [&](const YamlNode& n) { ReadTables(y, n, p->tables, diags); });
  p->text_dir = (fs::path(p->dir) / "text").string();
  if (auto text = y.String(root, "text", false, "", diags)) {
    // Another folder's fragments, e.g. a check case reusing its report's text.
    p->text_dir = ResolveSystemPath(file, *text);
    if (!in.MayRead(p->text_dir)) diags.Error(y.Loc(root["text"]), "", msg::kPathNotAllowed, in.AllowedList());
    else if (!in.IsFolder(p->text_dir)) diags.Error(y.Loc(root["text"]), "", msg::kTextDirMissing, p->text_dir);
  }
  p->workbooks = workbooks;
  ReadProjectWorkbooks(*p, y, workbooks, diags);
  std::set<std::string> seen;
  for (const auto& v : p->values)
    if (!seen.insert(v.name).second) diags.Error(v.loc, "", msg::kDuplicateName, v.name);
  for (const auto& m : p->metrics)
    if (!seen.insert(m.name).second) diags.Error(m.loc, "", msg::kDuplicateName, m.name);
  if (!p->deductions.empty() && !p->system->deduction_cap)
    diags.Error(y.Loc(root["deductions"]), "", msg::kDeductionsWithoutCap, p->system->file);
  try {
    if (!diags.HasErrors()) Bind(*p, y, diags);
    if (!diags.HasErrors()) BindSelfEvaluation(*p, diags);
    if (!diags.HasErrors()) p->system = ApplyNotApplicable(p->system, p->answers);  // 折算计分
  } catch (const DecimalLimitError&) {  // budget sums, rescaled weights
    diags.Error(y.Loc(root), "", msg::kValueTooLarge, kMaxExactDigits);
  }
  if (diags.HasErrors()) throw InputError(diags);
  return p;
}

}  // namespace

std::string SystemFileName(const std::string& written) {
  const size_t at = written.find_last_of("/\\");
  std::string name = at == std::string::npos ? written : written.substr(at + 1);
  if (name == "." || name == "..") name.clear();
  return name;
}

std::shared_ptr<const Project> LoadProject(const std::string& target,
                                           const std::string& system_override,
                                           SystemCache* cache, bool review,
                                           std::shared_ptr<const AllowedFolders> allowed,
                                           const std::string& systems_folder) {
  // Confined: the disk read through InputFiles rooted at the project's folder.
  auto confined = [&](const std::string& file) {
    return allowed ? std::make_shared<const InputFiles>(fs::path(file).parent_path().string(), allowed) : nullptr;
  };
  switch (InputKindOf(target)) {
    case InputKind::kSelfForm:
    case InputKind::kSelfFormFolder:
    case InputKind::kScoringWorkbook:
    case InputKind::kCollectWorkbook:
      return LoadSelfForm(target, system_override, review);  // any .xlsx is read as a 自评表
    case InputKind::kProjectYaml:
      return LoadProjectFile(target, confined(target), system_override, cache, review, systems_folder);
    case InputKind::kProjectFolder:
      break;
  }
  const std::string file = ProjectYamlPath(target);
  return LoadProjectFile(file, confined(file), system_override, cache, review, systems_folder);
}

std::shared_ptr<const Project> LoadProject(std::shared_ptr<const InputFiles> files,
                                           const std::string& system_override, SystemCache* cache,
                                           bool review) {
  std::string file = (fs::path(files->Root()) / "project.yaml").string();
  // A 自评表 alone, as a folder holding only 自评表.xlsx is read (InputKind::kSelfFormFolder).
  if (!files->IsFile(file) && files->IsFile((fs::path(files->Root()) / "自评表.xlsx").string()))
    return LoadSelfFormFiles(std::move(files), system_override, review);
  return LoadProjectFile(file, std::move(files), system_override, cache, review);
}

}  // namespace jixiao
