//! Column widths that follow the screen's width, not the rows in view: a
//! column is as wide as what it may hold (its header, every word it can
//! show, the longest of a bounded set such as the grid ids), so widths do
//! not shift when a banner takes a line or the list scrolls; the spare
//! cells go to the columns that hold names, each up to what it needs.
//! Pure; widths are terminal cells.

/// Give `spare` cells to the columns `order` names, in that order, each up
/// to its need: `widths[i]` grows to at most `needs[i]`. Returns what is
/// left over.
pub fn grow(widths: &mut [u16], needs: &[u16], order: &[usize], mut spare: u16) -> u16 {
    for &i in order {
        let (Some(w), Some(&need)) = (widths.get_mut(i), needs.get(i)) else {
            continue;
        };
        let more = need.saturating_sub(*w).min(spare);
        *w += more;
        spare -= more;
    }
    spare
}

/// The width of column `i`: its header's and the widest of its cells, in
/// terminal cells.
pub fn fit<S, const N: usize>(cells: &[[(String, S); N]], heads: &[&str; N], i: usize) -> u16 {
    let w = cells
        .iter()
        .map(|r| crate::text::width(&r[i].0))
        .chain([crate::text::width(heads[i])])
        .max()
        .unwrap_or(0);
    u16::try_from(w).unwrap_or(u16::MAX)
}

/// The complaints table's widths (ID, grid, category, place, received,
/// left, status, on call, repeat), from what each column may hold
/// (`needs`; the place's is ignored) and the table's width: the place takes
/// what is left, at least 8 cells and no more than three tenths of a wide
/// table (40 cells at least: a long address in Chinese), so the other
/// columns stay near it.
pub fn complaints(needs: [u16; 9], area: u16) -> [u16; 9] {
    const PLACE: usize = 3;
    let mut w = needs;
    let others: u16 = (0..9).filter(|&i| i != PLACE).map(|i| w[i]).sum::<u16>() + 8;
    let cap = (area * 3 / 10).max(40);
    w[PLACE] = area.saturating_sub(others).clamp(8, cap);
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spare_cells_go_in_order_up_to_each_need() {
        let mut w = [10, 10, 10];
        let left = grow(&mut w, &[30, 12, 40], &[1, 0, 2], 15);
        assert_eq!(w, [23, 12, 10]);
        assert_eq!(left, 0);
        let mut w = [10, 10];
        assert_eq!(grow(&mut w, &[11, 10], &[0, 1], 5), 4);
    }

    #[test]
    fn the_place_takes_the_rest_within_bounds() {
        let needs = [2, 12, 8, 0, 5, 12, 10, 7, 3];
        // 80 cells: what is left (80 − 59 − 8 = 13).
        assert_eq!(complaints(needs, 80)[3], 13);
        // 200 cells: no more than three tenths; 150: 40 at least.
        assert_eq!(complaints(needs, 200)[3], 60);
        assert_eq!(complaints(needs, 150)[3], 45);
        assert_eq!(complaints(needs, 120)[3], 40);
        // Narrower than the rest: 8 all the same.
        assert_eq!(complaints(needs, 50)[3], 8);
    }
}
