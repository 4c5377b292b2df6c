import Foundation

/// The exact (Garwood) 95% confidence interval of a Poisson mean from one observed count:
/// `[χ²(0.025; 2k)/2, χ²(0.975; 2k+2)/2]`, found as the gamma quantiles by bisection.
public enum PoissonInterval {
    /// The exact (Garwood) 95% interval for the mean of a Poisson count.
    public static func garwood95(_ count: Int) -> (low: Double, high: Double) {
        let k = Double(count)
        let low = count == 0 ? 0 : gammaQuantile(shape: k, p: 0.025)
        let high = gammaQuantile(shape: k + 1, p: 0.975)
        return (low, high)
    }

    /// x with P(shape, x) = p, P the regularized lower incomplete gamma function.
    static func gammaQuantile(shape a: Double, p: Double) -> Double {
        var low = 0.0, high = max(1, a) * 4 + 40
        while regularizedGammaP(a, high) < p { high *= 2 }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if regularizedGammaP(a, mid) < p { low = mid } else { high = mid }
            if high - low <= 1e-12 * max(1, high) { break }
        }
        return (low + high) / 2
    }

    /// P(a, x): the series below a + 1, Lentz's continued fraction above (Numerical Recipes 6.2).
    static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let lnPrefix = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var sum = 1 / a, term = 1 / a, n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return min(1, sum * exp(lnPrefix))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return max(0, 1 - exp(lnPrefix) * h)
    }
}
