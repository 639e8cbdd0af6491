// Every display precision jixiao rounds to or prints at, named by what the
// figure is. Rounding is half-up (四舍五入) and happens only at these; no
// other file under generator/ writes a number of decimal places
// (tests/precision_literals.sh fails if one does).
#pragma once

namespace jixiao {

// A score, a weight, points added or deducted, a grade's bound: 分 to 2 decimals.
constexpr int kScorePlaces = 2;
// A rate held as a fraction (0.9056), as computed and as written to a cell: 2 decimals of its percent.
constexpr int kRatePlaces = 4;
// A percent has this many decimals fewer than the fraction it shows (×100).
constexpr int kPercentShiftPlaces = 2;
// The same rate shown as a percent ("90.56%"), so it never shows more or less than kRatePlaces holds.
constexpr int kPercentPlaces = kRatePlaces - kPercentShiftPlaces;
// A threshold or share written in a rule, as a percent with trailing zeros dropped ("95%", "62.5%").
constexpr int kRuleLimitPlaces = 2;
// A qualitative tier's bound as a percent of the weight ("80%–100%"): tiers are whole percents.
constexpr int kTierBoundPlaces = 0;
// Money in 万元 or 元 in a report or a check: to the cent of the unit written.
constexpr int kMoneyPlaces = 2;
// A figure as a person wrote it (a target's value, a check's tolerance and a
// difference weighed against it, a budget amount in 万元): 4 decimals, so no
// written digit is lost; trailing zeros dropped.
constexpr int kWrittenFigurePlaces = 4;
// A count of people, answers or deduction steps: whole.
constexpr int kCountPlaces = 0;
// The fewest decimals an expected plain figure shows in a finding, so a stated "8" against 0.14 reads "0.14".
constexpr int kExpectedMinPlaces = 2;
// A project metric's precision when project.yaml gives no places: of the percent when it is one.
constexpr int kMetricDefaultPlaces = 2;
// SVG chart coordinates: two decimals are plenty for a drawing.
constexpr int kChartPlaces = 2;

}  // namespace jixiao
