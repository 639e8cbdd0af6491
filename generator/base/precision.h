// The display precisions every stage rounds to: a score at 2 decimals, a
// rate as a fraction at 4 (2 decimals of a percent), half-up.
#pragma once

namespace jixiao {

constexpr int kScorePlaces = 2;
constexpr int kRatePlaces = 4;  // a rate as a fraction: 2 decimals of a percent

}  // namespace jixiao
