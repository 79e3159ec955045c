//! Distance between GPS points.

/// The mean Earth radius (IUGG), as the spec fixes it so every GPX gives one distance.
const MEAN_EARTH_RADIUS_M: f64 = 6_371_008.8;

/// The great-circle (haversine) distance between two points given in degrees.
pub(super) fn great_circle_m(from: (f64, f64), to: (f64, f64)) -> f64 {
    let (lat1, lon1) = (from.0.to_radians(), from.1.to_radians());
    let (lat2, lon2) = (to.0.to_radians(), to.1.to_radians());
    let half_chord = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * MEAN_EARTH_RADIUS_M * half_chord.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::great_circle_m;

    #[test]
    fn a_degree_of_latitude_is_about_111_km() {
        let metres = great_circle_m((0.0, 0.0), (1.0, 0.0));
        assert!((metres - 111_195.08).abs() < 0.1, "{metres}");
        assert!(great_circle_m((52.5, 13.4), (52.5, 13.4)).abs() < f64::EPSILON);
    }
}
