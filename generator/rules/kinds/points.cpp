// points: an indicator scored by its 要点. Each point has its share of the
// weight (equal unless written: 1/4, 80%, or 分) and its own way of scoring:
// met or not, failures with a deduction each and a floor, a rate × the share,
// a deviation, or the evaluator's score. Per-object deductions come after
// the points. The answer says only what differs from "met": `points: {2:
// unmet, 3: {failures: 2}, 4: {score: 2.4, reason: …}}`, `objects: 1`.
//
// Each point's score is rounded at a score's display precision, and the
// indicator's score is the sum of the rounded points less the rounded
// per-object deduction: the sentence's figures add up to the score shown.
#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/kinds/points.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

using PointKind = ScoringPoint::Kind;

// "1/4", "25%", "0.25".
std::optional<Decimal> ParseShare(const std::string& text) {
  size_t slash = text.find('/');
  if (slash == std::string::npos) return Decimal::Parse(text);
  auto a = Decimal::Parse(text.substr(0, slash));
  auto b = Decimal::Parse(text.substr(slash + 1));
  if (!a || !b || b->Sign() <= 0) return std::nullopt;
  return *a / *b;
}

// A share in words: 20%, 12.5%, and 1/3 where a percentage would not be exact.
std::string ShareWords(const Decimal& d) {
  Decimal scaled = d * Decimal(100);
  for (int i = 0; i < kRuleLimitPlaces; ++i) scaled = scaled * Decimal(10);
  if (scaled.IsInteger()) return d.ToPercentShort(kRuleLimitPlaces);
  return d.Raw().get_num().get_str() + "/" + d.Raw().get_den().get_str();
}

// A point's share as the system wrote it: 1/4, 80%, 2 分.
std::string ShareText(const ScoringPoint& p) {
  if (!p.share_text.empty()) return p.share_text;
  return ShareWords(p.share);
}

const PointAnswer* FindPoint(const Answer* a, int number) {
  if (!a) return nullptr;
  for (const auto& p : a->points)
    if (p.number == number) return &p;
  return nullptr;
}

bool InUnmet(const Answer* a, int number) {
  return a && a->unmet && std::find(a->unmet->begin(), a->unmet->end(), number) != a->unmet->end();
}

// What one point scored, and its clause of the sentence.
struct PointScore {
  Decimal full;   // the point's share of the weight, after any rescaling
  Decimal score;  // rounded at kScorePlaces
  std::string clause;  // "" when it scored its full share plainly
  bool excluded = false;  // not assessable, its share spread over the others
};

class PointsKind : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kPoints; }
  const char* name() const override { return "points"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    src.CheckKeys({"kind", "points", "per_object", "object"});
    const YamlFile& y = src.yaml;
    const std::string& code = src.code();
    PointsParams p;
    YamlNode list = src.node["points"];
    if (!list) {
      src.diags.Error(rule.loc, code, msg::kMissingKey, "points");
    } else if (y.IsList(list, "points", code, src.diags)) {
      for (const auto& n : list) p.points.push_back(ReadPoint(src, n));
      if (p.points.empty()) src.diags.Error(y.Loc(list), code, msg::kEmptyList, "points");
    }
    if (p.points.size() > kMaxScoringPoints) {
      src.diags.Error(y.Loc(list), code, msg::kTooManyPoints, p.points.size(), kMaxScoringPoints);
      p.points.resize(kMaxScoringPoints);
    }
    SpreadShares(src, list, p.points);
    if (YamlNode po = src.node["per_object"]) {
      auto share = po.IsScalar() ? ParseShare(po.Scalar()) : std::nullopt;
      if (!share || share->Sign() <= 0 || *share > Decimal(1))
        src.diags.Error(y.Loc(po), code, msg::kExpectedShare, "per_object", po.IsScalar() ? po.Scalar() : "");
      else
        p.per_object = share;
      p.object = src.String("object", false).value_or("对象不达标");
    } else if (src.node["object"]) {
      src.diags.Error(y.Loc(src.node["object"]), code, msg::kMissingKey, "per_object");
    }
    rule.SetParams(std::move(p));
  }

  size_t ItemCount(const Rule& r) const override { return r.Params<PointsParams>().points.size(); }

  std::vector<RuleFormula> Formulas(const Rule& r) const override {
    std::vector<RuleFormula> out;
    for (const auto& p : r.Params<PointsParams>().points)
      if (p.value) out.push_back({&*p.value, p.loc, false});
    return out;
  }

  const char* RequiredAnswer(const Rule& r) const override {
    for (const auto& p : r.Params<PointsParams>().points)
      if (p.kind == PointKind::kMet || p.kind == PointKind::kFailures || p.kind == PointKind::kManual)
        return "points: {要点序号: unmet | {failures: N} | {score: S, reason: …}}（全部满足时写 points: {}）";
    return r.Params<PointsParams>().per_object ? "objects: N" : nullptr;
  }

  void BindAnswer(const Indicator& ind, const Rule& r, const Answer& a, Diagnostics& diags) const override {
    const PointsParams& pp = r.Params<PointsParams>();
    if (a.met || !a.tier.empty())
      diags.Error(a.loc, ind.code, msg::kAnswerFieldNotForRule, RuleKindName(r.kind),
                  "points, unmet, objects, score, reason, not_assessable");
    if (a.objects && !pp.per_object)
      diags.Error(a.objects_loc, ind.code, msg::kAnswerFieldNotForRule, RuleKindName(r.kind) + std::string("（无 per_object）"),
                  "points, unmet, score, reason");
    if (a.unmet)
      for (int n : *a.unmet)
        if (n >= 1 && static_cast<size_t>(n) <= pp.points.size() &&
            pp.points[static_cast<size_t>(n - 1)].kind != PointKind::kMet)
          diags.Error(a.loc, ind.code, msg::kPointAnswerNotForKind, CircledNumber(n), "unmet",
                      PointKindName(pp.points[static_cast<size_t>(n - 1)].kind));
    const Decimal written = ind.written_weight.value_or(ind.weight);
    for (const PointAnswer& pa : a.points) {
      const ScoringPoint& p = pp.points[static_cast<size_t>(pa.number - 1)];
      const std::string which = CircledNumber(pa.number);
      if (pa.met && p.kind != PointKind::kMet)
        diags.Error(pa.loc, ind.code, msg::kPointAnswerNotForKind, which, "met", PointKindName(p.kind));
      if (pa.failures && p.kind != PointKind::kFailures)
        diags.Error(pa.loc, ind.code, msg::kPointAnswerNotForKind, which, "failures", PointKindName(p.kind));
      if (!pa.not_assessable.empty()) {
        if (pa.reason.empty() && a.reason.empty()) diags.Error(pa.loc, ind.code, msg::kNotAssessableNeedsReason);
        continue;
      }
      if (pa.score) {
        const Decimal full = p.share * written;
        if (*pa.score > full)
          diags.Error(pa.loc, ind.code, msg::kPointScoreAboveShare, which, pa.score->ToExactString(),
                      full.ToShort(kScorePlaces));
        else if (*pa.score < full && pa.reason.empty() && a.reason.empty())
          diags.Error(pa.loc, ind.code, msg::kScoreNeedsReason, pa.score->ToExactString(), full.ToShort(kScorePlaces));
      }
    }
    if (a.score) return;  // an override of the whole indicator
    for (size_t i = 0; i < pp.points.size(); ++i) {
      if (pp.points[i].kind != PointKind::kManual) continue;
      const PointAnswer* pa = FindPoint(&a, static_cast<int>(i + 1));
      if (!pa || (!pa->score && pa->not_assessable.empty()))
        diags.Error(a.loc, ind.code, msg::kPointNeedsScore, CircledNumber(static_cast<int>(i + 1)));
    }
    if (pp.per_object && !a.objects && !a.not_applicable && a.not_assessable.empty())
      diags.Error(a.loc, ind.code, msg::kMissingAnswerField, "objects");
  }

  bool Computable(const Rule& r, const Answer& a) const override {
    for (size_t i = 0; i < r.Params<PointsParams>().points.size(); ++i)
      if (r.Params<PointsParams>().points[i].kind == PointKind::kManual) {
        const PointAnswer* pa = FindPoint(&a, static_cast<int>(i + 1));
        if (!pa || (!pa->score && pa->not_assessable.empty())) return false;
      }
    return !r.Params<PointsParams>().per_object || a.objects;
  }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    const PointsParams& pp = r.Params<PointsParams>();
    const Answer* a = in.answer;
    const size_t n = pp.points.size();
    // Points not assessable with their share rescaled: the others share the weight.
    Decimal kept(1);
    for (size_t i = 0; i < n; ++i) {
      const PointAnswer* pa = FindPoint(a, static_cast<int>(i + 1));
      if (pa && pa->not_assessable == "rescale") kept -= pp.points[i].share;
    }
    std::vector<PointScore> scores(n);
    Decimal sum;
    bool all_full = true;
    for (size_t i = 0; i < n; ++i) {
      const int number = static_cast<int>(i + 1);
      const PointAnswer* pa = FindPoint(a, number);
      PointScore& ps = scores[i];
      if (pa && pa->not_assessable == "rescale") {
        ps.excluded = true;
        ps.clause = fmt::format("要点{}本年度不具备评价条件{}，其分值按比例计入其余要点", CircledNumber(number),
                                Because(pa->reason));
        all_full = false;
        continue;
      }
      ps.full = kept.Sign() > 0 ? pp.points[i].share / kept * ind.weight : Decimal(0);
      ScorePoint(ind, pp.points[i], number, pa, InUnmet(a, number), in, ps);
      sum += ps.score;
      if (ps.score != ps.full.Round(kScorePlaces) || !ps.clause.empty()) all_full = false;
    }
    Decimal object_loss;
    std::string object_clause;
    if (pp.per_object && a && a->objects && a->objects->Sign() > 0) {
      object_loss = (*a->objects * *pp.per_object * ind.weight).Round(kScorePlaces);
      object_clause = fmt::format("发现 {} 家{}，每家扣指标分值的 {}，扣 {}", a->objects->ToShort(kCountPlaces),
                                  pp.object, ShareWords(*pp.per_object), Points(object_loss));
      all_full = false;
    }
    const Decimal score = Max(Decimal(0), Min(sum, ind.weight) - object_loss);
    auto reading = std::make_shared<PointsReading>();
    for (size_t i = 0; i < n; ++i)
      reading->points.push_back({static_cast<int>(i + 1), pp.points[i].text, scores[i].full.Round(kScorePlaces),
                                 scores[i].score, scores[i].excluded, scores[i].clause});
    reading->object_loss = object_loss;
    if (all_full)
      return {score, fmt::format("{} 项评价要点均满足，得满分 {}。", n, Points(ind.weight)), false, reading};
    std::string s;
    size_t plain = 0;
    for (const auto& ps : scores) {
      if (ps.clause.empty()) {
        ++plain;
        continue;
      }
      s += (s.empty() ? "" : "；") + ps.clause;
    }
    if (plain > 0 && plain < n) s += fmt::format("；其余 {} 项要点满足，得相应分值", plain);
    if (!object_clause.empty()) s += (s.empty() ? "" : "；") + object_clause;
    if (object_loss > sum) s += "（扣完为止）";
    return {score, s + fmt::format("；合计得 {}。", Points(score)), false, reading};
  }

  const char* Label() const override { return "分要点评分"; }
  WorkbookEntry Workbook(const Indicator& ind, const Rule& r, const IndicatorSystem&) const override {
    const PointsParams& pp = r.Params<PointsParams>();
    WorkbookEntry e;
    e.needs = fmt::format("逐项评价下列 {} 个要点（是/否、不满足项数或要点得分，按各行所示）", pp.points.size());
    if (pp.per_object) e.needs += fmt::format("；每发现一家{}扣指标分值的 {}，家数填在本行“评价”列", pp.object, ShareWords(*pp.per_object));
    for (size_t i = 0; i < pp.points.size(); ++i) {
      const ScoringPoint& p = pp.points[i];
      std::string how;
      WorkbookEntry::ItemInput input = WorkbookEntry::ItemInput::kYesNo;
      switch (p.kind) {
        case PointKind::kMet: how = "选 是/否"; break;
        case PointKind::kFailures:
          how = "填不满足的项数";
          input = WorkbookEntry::ItemInput::kCount;
          break;
        case PointKind::kRate:
        case PointKind::kDeviation:
          how = "由数据计算：" + p.value->Text();
          input = WorkbookEntry::ItemInput::kNone;
          break;
        case PointKind::kManual:
          how = "填要点得分";
          input = WorkbookEntry::ItemInput::kScore;
          break;
      }
      e.items.push_back(fmt::format("{} {}（{}，{} 分；{}）", CircledNumber(static_cast<int>(i + 1)), p.text,
                                    ShareText(p), (p.share * ind.weight).ToShort(kScorePlaces), how));
      e.item_inputs.push_back(input);
    }
    if (pp.per_object) e.judgement = WorkbookEntry::Judgement::kCount;
    return e;
  }

  std::string Describe(const Indicator& ind, const Rule& r) const override {
    const PointsParams& pp = r.Params<PointsParams>();
    std::string s = fmt::format("评价要点 {} 项：", pp.points.size());
    for (size_t i = 0; i < pp.points.size(); ++i) {
      const ScoringPoint& p = pp.points[i];
      s += fmt::format("{}{}占 {}（{} 分）", i ? "；" : "", CircledNumber(static_cast<int>(i + 1)), ShareText(p),
                       (p.share * ind.weight).ToShort(kScorePlaces));
      switch (p.kind) {
        case PointKind::kMet: s += "，满足得该要点分，否则不得分"; break;
        case PointKind::kFailures:
          s += fmt::format("，每项不满足扣该要点 {}", ShareWords(p.per_failure));
          if (p.zero_at > 0) s += fmt::format("，{} 项及以上不得分", p.zero_at);
          break;
        case PointKind::kRate: s += "，得分 = " + p.value->Text() + " × 该要点分值"; break;
        case PointKind::kDeviation: s += "，按偏差率（" + p.value->Text() + "）扣除该要点相应分值"; break;
        case PointKind::kManual: s += "，由评价组评定"; break;
      }
    }
    if (pp.per_object)
      s += fmt::format("；每发现一家{}扣指标分值的 {}，扣完为止", pp.object, ShareWords(*pp.per_object));
    return s;
  }

  void EmitYaml(YAML::Emitter& out, const Rule& r) const override {
    const PointsParams& pp = r.Params<PointsParams>();
    out << YAML::Key << "points" << YAML::Value << YAML::BeginSeq;
    for (const auto& p : pp.points) {
      if (p.kind == PointKind::kMet && p.share_text.empty()) {
        out << p.text;
        continue;
      }
      out << YAML::BeginMap << YAML::Key << "text" << YAML::Value << p.text;
      if (!p.share_text.empty()) out << YAML::Key << "share" << YAML::Value << YamlShare(p.share);
      switch (p.kind) {
        case PointKind::kMet: break;
        case PointKind::kFailures:
          out << YAML::Key << "per_failure" << YAML::Value << YamlShare(p.per_failure);
          if (p.zero_at > 0) out << YAML::Key << "zero_at" << YAML::Value << p.zero_at;
          break;
        case PointKind::kRate: out << YAML::Key << "rate" << YAML::Value << p.value->Text(); break;
        case PointKind::kDeviation: out << YAML::Key << "deviation" << YAML::Value << p.value->Text(); break;
        case PointKind::kManual: out << YAML::Key << "manual" << YAML::Value << true; break;
      }
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    if (pp.per_object) {
      out << YAML::Key << "per_object" << YAML::Value << YamlShare(*pp.per_object);
      out << YAML::Key << "object" << YAML::Value << pp.object;
    }
  }

 private:
  static const char* PointKindName(PointKind k) {
    switch (k) {
      case PointKind::kMet: return "满足/不满足";
      case PointKind::kFailures: return "按不满足项数扣分";
      case PointKind::kRate: return "按比率计分";
      case PointKind::kDeviation: return "按偏差率扣分";
      case PointKind::kManual: return "评价组评定";
    }
    return "?";
  }

  // 1/3 stays 1/3; a share with a finite decimal is written as a percentage.
  static std::string YamlShare(const Decimal& d) {
    const std::string words = ShareWords(d);
    return words.find('/') == std::string::npos ? (d * Decimal(100)).ToExactString() + "%" : words;
  }

  static std::string Because(const std::string& reason) { return reason.empty() ? "" : "（" + reason + "）"; }

  static ScoringPoint ReadPoint(const RuleSource& src, const YamlNode& n) {
    const YamlFile& y = src.yaml;
    const std::string& code = src.code();
    ScoringPoint p;
    p.loc = y.Loc(n);
    if (n.IsScalar()) {
      p.text = n.Scalar();
      return p;
    }
    if (!y.IsMap(n, "point {text, share, per_failure, rate, deviation, manual}", code, src.diags)) return p;
    y.CheckKeys(n, {"text", "share", "points", "per_failure", "zero_at", "rate", "deviation", "manual"}, code,
                src.diags);
    p.text = y.String(n, "text", true, code, src.diags).value_or("");
    if (YamlNode s = n["share"]) {
      auto share = s.IsScalar() ? ParseShare(s.Scalar()) : std::nullopt;
      if (!share || share->Sign() <= 0 || *share > Decimal(1))
        src.diags.Error(y.Loc(s), code, msg::kExpectedShare, "share", s.IsScalar() ? s.Scalar() : "");
      else {
        p.share = *share;
        p.share_text = s.Scalar();
      }
    }
    if (YamlNode s = n["points"]) {
      if (n["share"]) src.diags.Error(y.Loc(s), code, msg::kPointShareTwice);
      auto pts = y.NumberOf(s, code, src.diags);
      if (pts && (pts->Sign() <= 0 || src.indicator.weight.Sign() <= 0 || *pts > src.indicator.weight))
        src.diags.Error(y.Loc(s), code, msg::kPointScoreAboveShare, "", pts->ToExactString(),
                        src.indicator.weight.ToShort(kScorePlaces));
      else if (pts) {
        p.share = *pts / src.indicator.weight;
        p.share_text = pts->ToShort(kScorePlaces) + " 分";
      }
    }
    int kinds = 0;
    if (YamlNode f = n["per_failure"]) {
      ++kinds;
      p.kind = PointKind::kFailures;
      auto share = f.IsScalar() ? ParseShare(f.Scalar()) : std::nullopt;
      if (!share || share->Sign() <= 0 || *share > Decimal(1))
        src.diags.Error(y.Loc(f), code, msg::kExpectedShare, "per_failure", f.IsScalar() ? f.Scalar() : "");
      else
        p.per_failure = *share;
      if (auto z = y.Number(n, "zero_at", false, code, src.diags)) {
        if (!z->IsInteger() || *z < Decimal(1) || *z > Decimal(1000))
          src.diags.Error(y.Loc(n["zero_at"]), code, msg::kExpectedCount, "zero_at", z->ToExactString());
        else
          p.zero_at = static_cast<int>(z->Raw().get_num().get_si());
      }
    } else if (n["zero_at"]) {
      src.diags.Error(y.Loc(n["zero_at"]), code, msg::kMissingKey, "per_failure");
    }
    for (const char* key : {"rate", "deviation"}) {
      YamlNode f = n[key];
      if (!f) continue;
      ++kinds;
      p.kind = std::string(key) == "rate" ? PointKind::kRate : PointKind::kDeviation;
      p.value = src.ParseFormula(f);
      if (!p.value) p.value = Formula::Parse("0");
    }
    if (n["manual"]) {
      auto yes = y.Bool(n, "manual", false, code, src.diags);
      if (yes && *yes) {
        ++kinds;
        p.kind = PointKind::kManual;
      }
    }
    if (kinds > 1) src.diags.Error(p.loc, code, msg::kPointKindTwice);
    return p;
  }

  // Points with no share written take equal parts of what the written ones leave.
  static void SpreadShares(const RuleSource& src, const YamlNode& list, std::vector<ScoringPoint>& points) {
    Decimal written;
    size_t open = 0;
    for (const auto& p : points) {
      if (p.share_text.empty()) ++open;
      else written += p.share;
    }
    if (points.empty()) return;
    const Decimal left = Decimal(1) - written;
    if ((open == 0 && left.Sign() != 0) || (open > 0 && left.Sign() <= 0)) {
      src.diags.Error(src.yaml.Loc(list), src.code(), msg::kPointSharesSum, (written * src.indicator.weight).ToExactString(),
                      src.indicator.weight.ToExactString());
      return;
    }
    for (auto& p : points)
      if (p.share_text.empty()) p.share = left / Decimal(static_cast<long>(open));
  }

  // A point's score in an answer is written against the system's weight, and
  // scaled with it where 折算计分 changed the weight (ScaledAnswerScore).
  static void ScorePoint(const Indicator& ind, const ScoringPoint& p, int number, const PointAnswer* pa,
                         bool unmet, const RuleInput& in, PointScore& ps) {
    const std::string which = "要点" + CircledNumber(number);
    const Decimal full = ps.full.Round(kScorePlaces);
    if (pa && pa->not_assessable == "full") {
      ps.score = full;
      ps.clause = fmt::format("{}本年度不具备评价条件{}，暂不扣分，按该要点分值 {}计", which, Because(pa->reason),
                              Points(full));
      return;
    }
    Decimal computed = ps.full;
    std::string how;
    switch (p.kind) {
      case PointKind::kMet: {
        bool met = !(unmet || (pa && pa->met && !*pa->met));
        computed = met ? ps.full : Decimal(0);
        if (!met) how = fmt::format("{}不满足，扣 {}", which, Points(full));
        break;
      }
      case PointKind::kFailures: {
        const Decimal f = pa && pa->failures ? *pa->failures : Decimal(0);
        if (f.Sign() == 0) break;
        if (p.zero_at > 0 && f >= Decimal(p.zero_at)) {
          computed = Decimal(0);
          how = fmt::format("{}不满足 {} 项，{} 项及以上不得分，扣 {}", which, f.ToShort(kCountPlaces), p.zero_at,
                            Points(full));
        } else {
          computed = Max(Decimal(0), ps.full * (Decimal(1) - f * p.per_failure));
          how = fmt::format("{}不满足 {} 项，每项扣该要点 {}，得 {}", which, f.ToShort(kCountPlaces),
                            ShareWords(p.per_failure), Points(computed.Round(kScorePlaces)));
        }
        break;
      }
      case PointKind::kRate:
      case PointKind::kDeviation: {
        Decimal v = p.value->Evaluate([&](const std::string& name) { return in.lookup(name); });
        if (p.kind == PointKind::kDeviation && v.Sign() < 0) v = -v;
        const Decimal rate = p.kind == PointKind::kRate ? Max(Decimal(0), Min(v, Decimal(1)))
                                                        : Max(Decimal(0), Decimal(1) - v);
        computed = rate * ps.full;
        if (computed.Round(kScorePlaces) == full) break;
        how = p.kind == PointKind::kRate
                  ? fmt::format("{}{} {} × {}，得 {}", which, p.value->Text(), MeasuredRate(v), Points(full),
                                Points(computed.Round(kScorePlaces)))
                  : fmt::format("{}偏差率 {}，扣除相应分值，得 {}", which, MeasuredRate(v),
                                Points(computed.Round(kScorePlaces)));
        break;
      }
      case PointKind::kManual:
        computed = pa && pa->score ? ScaledAnswerScore(ind, *pa->score) : Decimal(0);
        ps.score = Min(computed, ps.full).Round(kScorePlaces);
        if (ps.score != full)
          ps.clause = fmt::format("{}评价组评定得 {}（满分 {}）{}", which, Points(ps.score), Points(full),
                                  Because(pa ? pa->reason : ""));
        return;
    }
    ps.score = computed.Round(kScorePlaces);
    ps.clause = how;
    if (pa && pa->score) {
      // The evaluator's partial deduction on a computed point, stated beside the rule's result.
      const Decimal adjusted = Min(ScaledAnswerScore(ind, *pa->score), ps.full).Round(kScorePlaces);
      ps.clause = fmt::format("{}{}评价组调整为 {}{}", how.empty() ? which + "按评分标准得 " + Points(ps.score) : how,
                              "，", Points(adjusted), Because(pa->reason));
      ps.score = adjusted;
    }
  }

};

}  // namespace

const RuleKindUnit& PointsRuleKind() {
  static const PointsKind unit;
  return unit;
}

}  // namespace jixiao
