package cn.partybuilding.points.core;

/**
 * A branch's 五星支部 rating: 1 to 5 stars from a weighted score (0..100), the 软弱涣散
 * {@code weak} flag, and the figures behind them.
 */
public record StarRating(BranchFigures figures, double score, int stars, boolean weak) {
}
