using System.Globalization;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// Python's <c>repr</c>/<c>str</c> of a float (what SCALE-Sim's reports print): the shortest digits that
/// round-trip, fixed notation for decimal exponents -4..15 with at least one fractional digit
/// (<c>1.0</c>, <c>-32.0</c>), scientific notation otherwise (<c>1e-05</c>, <c>1.5e+16</c>).
/// </summary>
public static class PythonFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // .NET's "R" yields the same shortest round-trip digits as Python; only the layout differs.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r[0] == '-';
        if (negative)
        {
            r = r[1..];
        }

        int exponentAt = r.IndexOfAny(['E', 'e']);
        int exponent = exponentAt < 0 ? 0 : int.Parse(r[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = exponentAt < 0 ? r : r[..exponentAt];
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        int integerDigits = point < 0 ? mantissa.Length : point;

        // Normalise to digits d1 d2 ... with value = 0.d1d2... * 10^(decimalPoint).
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        int decimalPoint = integerDigits - leadingZeros + exponent;
        int sciExponent = decimalPoint - 1;
        string body;
        if (sciExponent is >= -4 and < 16)
        {
            if (decimalPoint <= 0)
            {
                body = "0." + new string('0', -decimalPoint) + digits;
            }
            else if (decimalPoint >= digits.Length)
            {
                body = digits + new string('0', decimalPoint - digits.Length) + ".0";
            }
            else
            {
                body = digits[..decimalPoint] + "." + digits[decimalPoint..];
            }
        }
        else
        {
            string m = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            string sign = sciExponent < 0 ? "-" : "+";
            body = m + "e" + sign + Math.Abs(sciExponent).ToString("00", CultureInfo.InvariantCulture);
        }

        return negative ? "-" + body : body;
    }
}
