using QuantSim.Energy.Costs;
using QuantSim.Input;

namespace QuantSim.Energy.Tests;

/// <summary>The built-in 45 nm table returns the published anchors and interpolates monotonically between them.</summary>
[TestFixture]
public sealed class CostTableAnchorTests
{
    private static CostTable T => BuiltInTable.Horowitz45;

    // Horowitz, ISSCC 2014, Fig. 1.1.9 (45 nm, 0.9 V), checked against /work/shared/reference/energy-45nm.md §2.
    [TestCase(8, 0.03)]
    [TestCase(32, 0.1)]
    [TestCase(16, 0.05)] // Hennessy & Patterson Fig. 1.13 (H14 extracts list only 8 and 32 bits)
    public void Should_return_the_quoted_adder_energy_exactly(int bits, double pj)
    {
        Assert.That(T.AddPj(bits), Is.EqualTo(pj));
    }

    [TestCase(8, 8, 0.2)]
    [TestCase(32, 32, 3.1)]
    public void Should_return_the_quoted_multiplier_energy_exactly(int a, int b, double pj)
    {
        Assert.That(T.MultiplyPj(a, b), Is.EqualTo(pj));
    }

    [TestCase(8 * 1024, 10.0)]
    [TestCase(32 * 1024, 20.0)]
    [TestCase(1024 * 1024, 100.0)]
    public void Should_return_the_quoted_64_bit_sram_read_energy_exactly(long capacityBytes, double pj)
    {
        Assert.That(T.SramReadPj(capacityBytes, 64), Is.EqualTo(pj));
    }

    [Test]
    public void Should_agree_with_the_qkeras_fits_to_horowitz_at_the_quoted_widths()
    {
        // QKeras qtools/settings.py ("Horowitz estimates from ISSCC 2014"), an independent encoding of H14:
        //   fpm_mul(b) = 0.002994791667 b^2 + 0.001041666667 b; fpm_add(b) = 0.003125 b; dram_rd = 20.3125 pJ/bit.
        static double Mul(int b) => 0.002994791667 * b * b + 0.001041666667 * b;
        Assert.Multiple(() =>
        {
            Assert.That(T.MultiplyPj(8, 8), Is.EqualTo(Mul(8)).Within(1e-9));
            Assert.That(T.MultiplyPj(32, 32), Is.EqualTo(Mul(32)).Within(1e-9));
            Assert.That(T.AddPj(32), Is.EqualTo(0.003125 * 32).Within(1e-12));
            Assert.That(T.Dram.Get(null).PjPerBit, Is.EqualTo(20.3125));
            Assert.That(T.Dram.Get(null).PjPerBit * 64, Is.EqualTo(1300)); // H14: 1.3 nJ per 64-bit DRAM access (low end)
        });
    }

    [Test]
    public void Should_return_every_table_point_unchanged()
    {
        // Given every point the table lists (quoted or derived)
        // Then a lookup at exactly that width or capacity returns the stored number, not a re-interpolation
        Assert.Multiple(() =>
        {
            foreach (var family in new[] { T.Adder, T.Shifter, T.Comparator, T.Multiplier })
            {
                foreach (var p in family.Points.Where(p => p.ABits >= family.MinBits && p.ABits <= family.MaxBits))
                {
                    Assert.That(family.EnergyPj(p.ABits, p.BBits, false), Is.EqualTo(p.EnergyPj), $"{family.Name} {p.ABits}x{p.BBits}");
                    Assert.That(family.AreaUm2(p.ABits, p.BBits, false), Is.EqualTo(p.AreaUm2), $"{family.Name} area {p.ABits}x{p.BBits}");
                }
            }

            foreach (var p in T.Sram.Points)
            {
                Assert.That(T.SramReadPj(p.CapacityBytes, p.WordBits), Is.EqualTo(p.ReadPj), $"sram read {p.CapacityBytes} B x {p.WordBits}");
                Assert.That(T.SramWritePj(p.CapacityBytes, p.WordBits), Is.EqualTo(p.WritePj), $"sram write {p.CapacityBytes} B x {p.WordBits}");
            }
        });
    }

    [Test]
    public void Should_interpolate_adders_linearly_in_width_between_quoted_points()
    {
        // 24 bits lies halfway between the 16-bit (0.05 pJ) and 32-bit (0.1 pJ) points: 0.075 pJ.
        // 4 bits lies halfway between the origin and the 8-bit point (0.03 pJ): 0.015 pJ.
        Assert.Multiple(() =>
        {
            Assert.That(T.AddPj(24), Is.EqualTo(0.075).Within(1e-12));
            Assert.That(T.AddPj(4), Is.EqualTo(0.015).Within(1e-12));
        });
    }

    [Test]
    public void Should_interpolate_multipliers_linearly_in_the_product_of_widths()
    {
        // 16 x 16: product 256 between 64 (0.2 pJ) and 1024 (3.1 pJ): 0.2 + (256-64)/(1024-64) x 2.9 = 0.78 pJ.
        // Cross-check with an independent fit: QKeras' H14 polynomial gives 0.002994791667 x 256 + 0.001041666667 x 16 = 0.7833 pJ.
        // 8 x 4: product 32, half of 8 x 8 (0.2 pJ) along the origin segment: 0.1 pJ; 4 x 8 is the same.
        double qkeras16 = 0.002994791667 * 256 + 0.001041666667 * 16;
        Assert.Multiple(() =>
        {
            Assert.That(T.MultiplyPj(16, 16), Is.EqualTo(0.78).Within(1e-12));
            Assert.That(T.MultiplyPj(16, 16), Is.EqualTo(qkeras16).Within(0.01 * qkeras16));
            Assert.That(T.MultiplyPj(8, 4), Is.EqualTo(0.1).Within(1e-12));
            Assert.That(T.MultiplyPj(4, 8), Is.EqualTo(T.MultiplyPj(8, 4)));
        });
    }

    [Test]
    public void Should_interpolate_sram_log_log_in_capacity_and_in_word_width()
    {
        // 64 KB x 64 b lies between 32 KB (20 pJ) and 1 MB (100 pJ) on a log-log line:
        // E = 20 x (100/20)^(log(64K/32K) / log(1M/32K)) = 20 x 5^(1/5).
        double capacity = 20 * Math.Pow(5, 1.0 / 5);

        // 8 KB x 24 b lies between the 16-bit (4.75 pJ) and 32-bit (6.5 pJ) points of 8 KB:
        // E = 4.75 x (6.5/4.75)^(log(24/16) / log(32/16)).
        double width = 4.75 * Math.Pow(6.5 / 4.75, Math.Log(1.5) / Math.Log(2));
        Assert.Multiple(() =>
        {
            Assert.That(T.SramReadPj(64 * 1024, 64), Is.EqualTo(capacity).Within(1e-9));
            Assert.That(T.SramReadPj(8 * 1024, 24), Is.EqualTo(width).Within(1e-9));
        });
    }

    [Test]
    public void Should_be_monotone_in_width_for_every_logic_family()
    {
        Assert.Multiple(() =>
        {
            for (int n = 2; n <= 64; n++)
            {
                Assert.That(T.AddPj(n), Is.GreaterThanOrEqualTo(T.AddPj(n - 1)), $"adder {n}");
                Assert.That(T.ShiftPj(n), Is.GreaterThanOrEqualTo(T.ShiftPj(n - 1)), $"shifter {n}");
                Assert.That(T.ComparePj(n), Is.GreaterThanOrEqualTo(T.ComparePj(n - 1)), $"comparator {n}");
            }

            for (int a = 1; a <= 32; a++)
            {
                for (int b = 2; b <= 32; b++)
                {
                    Assert.That(T.MultiplyPj(a, b), Is.GreaterThan(T.MultiplyPj(a, b - 1)), $"multiplier {a}x{b}");
                }
            }
        });
    }

    [Test]
    public void Should_be_monotone_in_capacity_and_in_word_width_for_sram()
    {
        long[] capacities = Enumerable.Range(13, 13).Select(e => 1L << e).ToArray(); // 8 KB .. 32 MB
        int[] widths = [8, 12, 16, 24, 32, 48, 64, 128, 256, 512, 1024, 2048, 4096, 8192];
        Assert.Multiple(() =>
        {
            foreach (int w in widths)
            {
                for (int i = 1; i < capacities.Length; i++)
                {
                    Assert.That(T.SramReadPj(capacities[i], w), Is.GreaterThan(T.SramReadPj(capacities[i - 1], w)), $"{capacities[i]} B x {w}");
                }
            }

            foreach (long c in capacities)
            {
                for (int i = 1; i < widths.Length; i++)
                {
                    Assert.That(T.SramReadPj(c, widths[i]), Is.GreaterThan(T.SramReadPj(c, widths[i - 1])), $"{c} B x {widths[i]}");
                }
            }
        });
    }

    [Test]
    public void Should_agree_with_an_independent_cacti_run_where_the_table_derives_a_width()
    {
        // The 32-bit 8 KB point is derived (H14 64-bit 10 pJ x ACP width factor 0.65 = 6.5 pJ).
        // Bit Fusion's CACTI 7 sweep at 45 nm reads 8 KB x 32 b for 6.392 pJ: within 5 %.
        Assert.That(T.SramReadPj(8 * 1024, 32), Is.EqualTo(6.392).Within(0.05 * 6.392));
    }

    [Test]
    public void Should_price_wide_words_by_the_square_root_width_law_through_the_cacti_ratio()
    {
        // TAE's two CACTI runs of one 64 KB array (45 nm): 8192 x 64 b reads 25.87 pJ, 2048 x 256 b 51.80 pJ, so
        // 4x the width costs 51.80 / 25.87 = 2.002x per access: E(w) = E(64) x sqrt(w / 64) at a fixed capacity.
        double exponent = Math.Log(51.80 / 25.87) / Math.Log(4);
        Assert.Multiple(() =>
        {
            Assert.That(exponent, Is.EqualTo(0.5).Within(0.001));

            // Derived points: H14's 64-bit reads (1 MB 100 pJ, 32 KB 20 pJ) x sqrt(w / 64)
            Assert.That(T.SramReadPj(1 << 20, 8192), Is.EqualTo(100 * Math.Sqrt(128)).Within(1e-6));
            Assert.That(T.SramReadPj(1 << 15, 128), Is.EqualTo(20 * Math.Sqrt(2)).Within(1e-6));

            // The default config's 64 KiB banks of 256-bit rows are TAE's quoted run itself
            Assert.That(T.SramReadPj(1 << 16, 256), Is.EqualTo(51.80));
            Assert.That(T.SramWritePj(1 << 16, 256), Is.EqualTo(66.24));

            // Per bit a wide row is cheaper than a 64-bit word: the point of reading rows (64 KB: 27.6 vs 51.8 pJ)
            Assert.That(T.SramReadPj(1 << 16, 256) / 256, Is.LessThan(T.SramReadPj(1 << 16, 64) / 64));
        });
    }

    [Test]
    public void Should_refuse_a_width_outside_the_table_range_unless_extrapolation_is_allowed()
    {
        // Given a 65 x 65 multiply (the table's multipliers stop at 64 x 64)
        // When it is looked up strictly Then the error names the table, the family and the range
        var ex = Assert.Throws<InputException>(() => T.MultiplyPj(65, 65))!;
        Assert.That(ex.Errors[0].Message, Is.EqualTo("65 x 65 bits is outside the table's range of 1 to 64 bits; add points or set allow_extrapolation: true"));
        Assert.That(ex.Errors[0].Field, Is.EqualTo("multiplier"));
        Assert.That(ex.Errors[0].File, Does.EndWith("horowitz-45nm.yaml"));

        // When extrapolation is allowed Then the last segment (1024 -> 4096, the 64 -> 1024 slope 2.9/960 per
        // product unit continued) is extended: 0.2 + (4225 - 64) x 2.9 / 960 = 12.569791...
        double extended = T.WithExtrapolation(true).MultiplyPj(65, 65);
        Assert.That(extended, Is.EqualTo(0.2 + (4225 - 64) * 2.9 / 960).Within(1e-9));
    }

    [Test]
    public void Should_refuse_an_sram_capacity_outside_the_table_range()
    {
        var ex = Assert.Throws<InputException>(() => T.SramReadPj(64, 16))!;
        Assert.That(ex.Errors[0].Message, Does.StartWith("a 64-byte SRAM with 16-bit words is outside the table's range"));
    }

    [Test]
    public void Should_price_small_narrow_srams_from_the_bit_fusion_cacti_points_by_the_width_law()
    {
        // SCALE-Sim's 1 kB buffers of 8-bit words: BF CACTI 1 KB x 32 b read 1.133 pJ, scaled by the ACP width
        // factor (0.3 + 0.7 x 8/64) / (0.3 + 0.7 x 32/64) = 0.3875 / 0.65, as the table's derived rows state.
        Assert.That(T.SramReadPj(1024, 8), Is.EqualTo(1.133 * 0.3875 / 0.65).Within(1e-6));
        Assert.That(T.SramWritePj(1024, 16), Is.EqualTo(3.296 * 0.475 / 0.65).Within(1e-6));
    }

    [Test]
    public void Should_extend_the_sram_width_line_only_when_extrapolation_is_allowed()
    {
        // 4-bit words are below the narrowest width (8 b). Extended, the 8 KB log-log width line through
        // 8 b (3.875 pJ) and 16 b (4.75 pJ) gives 3.875 x (3.875/4.75)^1 = 3.875^2 / 4.75 at 4 b.
        Assert.Multiple(() =>
        {
            Assert.Throws<InputException>(() => T.SramReadPj(8192, 4));
            Assert.That(T.WithExtrapolation(true).SramReadPj(8192, 4), Is.EqualTo(3.875 * 3.875 / 4.75).Within(1e-9));
        });
    }

    [Test]
    public void Should_name_a_source_and_a_kind_for_every_entry()
    {
        var provenances = T.Adder.Points.Concat(T.Multiplier.Points).Concat(T.Shifter.Points).Concat(T.Comparator.Points).Select(p => p.Provenance)
            .Concat(T.Sram.Points.Select(p => p.Provenance))
            .Concat(T.SramArea.Points.Select(p => p.Provenance))
            .Concat(T.Dram.Options.Select(o => o.Provenance))
            .Concat([T.Mux2.EnergyPjPerBit.Provenance, T.Mux2.AreaUm2PerBit.Provenance, T.Clamp.Provenance,
                T.Register.WritePjPerBit.Provenance, T.Register.ReadPjPerBit.Provenance, T.Register.ClockPjPerBit.Provenance,
                T.Register.AreaUm2PerBit.Provenance, T.BitComposableMac.Provenance, T.Leakage.LogicNwPerUm2.Provenance, T.Leakage.SramPwPerBit.Provenance])
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(provenances, Has.Count.GreaterThan(40));
            Assert.That(provenances.Select(p => p.Source), Has.All.Match(@"\b(H14|HP6|QK|ACC|ALD|NG45|ACP|BF|TAE)\b"));
            Assert.That(T.Sources.Keys, Is.EquivalentTo(new[] { "ACC", "ACP", "ALD", "BF", "H14", "HP6", "NG45", "QK", "TAE" }));
        });
    }
}
