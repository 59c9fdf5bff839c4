//! Fitting a table to the terminal, for any table (chats, profiles, and
//! whatever view comes next): each column says how far it may be condensed
//! (`min`) and when it may be dropped (`drop`, lower goes first). Columns are
//! dropped, least useful first, until the rest fit at their narrowest; then
//! the condensable ones share what is left. A row is never wrapped: the
//! result always fits `width` (the last resort cuts even kept columns).

/// Padding comfy-table puts around each cell (one space either side).
pub const PAD: usize = 2;

/// How one column may give way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// The narrowest it may be cut to; None: shown whole.
    pub min: Option<usize>,
    /// Its place in the drop order (lowest first); None: never dropped.
    pub drop: Option<u8>,
}

impl Fit {
    /// Shown whole, never dropped.
    pub const KEEP: Fit = Fit {
        min: None,
        drop: None,
    };

    pub const fn new(min: Option<usize>, drop: Option<u8>) -> Fit {
        Fit { min, drop }
    }
}

/// Per column, the width it gets (None: dropped), given each column's
/// widest cell (`natural`, header included) and the terminal's `width`.
pub fn fit(specs: &[Fit], natural: &[usize], width: usize) -> Vec<Option<usize>> {
    let min = |i: usize| specs[i].min.map_or(natural[i], |m| m.min(natural[i]));
    let mut shown: Vec<bool> = vec![true; specs.len()];
    let need = |shown: &[bool]| -> usize {
        (0..specs.len())
            .filter(|i| shown[*i])
            .map(|i| min(i) + PAD)
            .sum()
    };
    while need(&shown) > width {
        let next = (0..specs.len())
            .filter(|i| shown[*i])
            .filter_map(|i| specs[i].drop.map(|rank| (rank, i)))
            .min();
        match next {
            Some((_, i)) => shown[i] = false,
            None => break,
        }
    }
    let mut widths: Vec<usize> = natural.to_vec();
    let total = |w: &[usize], shown: &[bool]| -> usize {
        (0..w.len()).filter(|i| shown[*i]).map(|i| w[i] + PAD).sum()
    };
    // Condense: take a column from the widest condensable one at a time.
    let mut excess = total(&widths, &shown).saturating_sub(width);
    while excess > 0 {
        let Some(i) = (0..widths.len())
            .filter(|i| shown[*i] && widths[*i] > min(*i))
            .max_by_key(|i| widths[*i] - min(*i))
        else {
            break;
        };
        widths[i] -= 1;
        excess -= 1;
    }
    // Last resort (a terminal narrower than the kept columns): cut the widest.
    while excess > 0 {
        let Some(i) = (0..widths.len())
            .filter(|i| shown[*i] && widths[*i] > 1)
            .max_by_key(|i| widths[*i])
        else {
            break;
        };
        widths[i] -= 1;
        excess -= 1;
    }
    widths
        .into_iter()
        .zip(shown)
        .map(|(w, s)| s.then_some(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: Fit = Fit::new(Some(12), None);
    const TEXT: Fit = Fit::new(Some(10), Some(2));
    const SMALL: Fit = Fit::new(None, Some(1));

    #[test]
    fn everything_fits_untouched_when_wide_enough() {
        let got = fit(&[NAME, SMALL, TEXT], &[20, 6, 30], 200);
        assert_eq!(got, vec![Some(20), Some(6), Some(30)]);
    }

    #[test]
    fn condenses_the_widest_before_dropping_anything() {
        let got = fit(&[NAME, SMALL, TEXT], &[20, 6, 30], 50);
        assert_eq!(
            got,
            vec![Some(20), Some(6), Some(18)],
            "the one with most slack gives"
        );
        let used: usize = got.iter().flatten().map(|w| w + PAD).sum();
        assert_eq!(used, 50);
    }

    #[test]
    fn drops_in_rank_order_then_cuts_kept_columns_to_fit() {
        assert_eq!(
            fit(&[NAME, SMALL, TEXT], &[20, 6, 30], 26),
            vec![Some(12), None, Some(10)]
        );
        assert_eq!(
            fit(&[NAME, SMALL, TEXT], &[20, 6, 30], 14),
            vec![Some(12), None, None]
        );
        assert_eq!(
            fit(&[NAME, SMALL, TEXT], &[20, 6, 30], 8),
            vec![Some(6), None, None]
        );
    }
}
