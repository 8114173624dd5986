using QuantSim.Energy.Costs;
using QuantSim.Input;

namespace QuantSim.Energy.Tests;

/// <summary>A cost table is read as strictly as a config: every problem located, all reported together.</summary>
[TestFixture]
public sealed class CostTableReaderTests
{
    private const string File = "tiny.yaml";

    // A small but complete table. Tests break one line at a time; each expected position is found
    // in this text (line = 1 + newlines before the snippet, column = 1 + offset in that line).
    private const string Valid = """
        name: tiny
        node_nm: 45
        sources:
          H14: Horowitz ISSCC 2014 Fig. 1.1.9
        adder:
          law: linear
          source: H14 linear in width
          min_bits: 1
          max_bits: 32
          points:
            - { bits: 0, energy_pj: 0, area_um2: 0, kind: derived, source: H14 origin }
            - { bits: 8, energy_pj: 0.03, area_um2: 36, kind: quoted, source: H14 8b add }
            - { bits: 32, energy_pj: 0.1, area_um2: 137, kind: quoted, source: H14 32b add }
        multiplier:
          law: product
          source: H14 product law
          min_bits: 1
          max_bits: 32
          points:
            - { a_bits: 0, b_bits: 0, energy_pj: 0, area_um2: 0, kind: derived, source: H14 origin }
            - { a_bits: 32, b_bits: 32, energy_pj: 3.1, area_um2: 3495, kind: quoted, source: H14 32b mult }
        shifter:
          law: n_log2_n
          source: H14 assumed
          min_bits: 1
          max_bits: 32
          points:
            - { bits: 1, energy_pj: 0, area_um2: 0, kind: derived, source: H14 origin }
            - { bits: 32, energy_pj: 0.4, area_um2: 250, kind: derived, source: H14 assumed }
        comparator:
          law: linear
          source: H14 assumed
          min_bits: 1
          max_bits: 32
          points:
            - { bits: 0, energy_pj: 0, area_um2: 0, kind: derived, source: H14 origin }
            - { bits: 32, energy_pj: 0.03, area_um2: 70, kind: derived, source: H14 assumed }
        mux2:
          energy: { pj_per_bit: 0.0025, kind: derived, source: H14 assumed }
          area: { um2_per_bit: 1.9, kind: derived, source: H14 assumed }
        clamp: { comparators: 2, mux2: 2, kind: derived, source: H14 assumed }
        register:
          write: { pj_per_bit: 0.009, kind: derived, source: H14 assumed }
          read: { pj_per_bit: 0, kind: derived, source: H14 assumed }
          clock: { pj_per_bit: 0.007, kind: derived, source: H14 assumed }
          area: { um2_per_bit: 4.5, kind: derived, source: H14 assumed }
        sram:
          source: H14 log-log
          points:
            - { capacity_bytes: 8192, word_bits: 64, read_pj: 10, write_pj: 10, kind: quoted, source: H14 8 KB }
            - { capacity_bytes: 32768, word_bits: 64, read_pj: 20, write_pj: 20, kind: quoted, source: H14 32 KB }
        sram_area:
          source: H14 assumed
          points:
            - { capacity_bytes: 8192, area_um2: 50000, kind: derived, source: H14 assumed }
            - { capacity_bytes: 32768, area_um2: 200000, kind: derived, source: H14 assumed }
        dram:
          default: h14
          options:
            - { name: h14, pj_per_bit: 20.3125, kind: derived, source: H14 1300 pJ / 64 b }
        bit_composable_mac: { brick_bits: 2, bricks: 16, max_bits: 8, energy_per_cycle_pj: 0.46, area_um2: 1735, kind: derived, source: H14 assumed }
        leakage:
          logic: { nw_per_um2: 30, kind: derived, source: H14 assumed }
          sram: { pw_per_bit: 5, kind: derived, source: H14 assumed }
        """;

    private static (int Line, int Column) PositionOf(string text, string snippet)
    {
        int index = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"test setup: '{snippet}' not in the table text");
        int line = 1 + text[..index].Count(c => c == '\n');
        int column = index - text.LastIndexOf('\n', Math.Max(0, index - 1));
        return (line, column);
    }

    private static string[] Errors(string text) =>
        Assert.Throws<InputException>(() => CostTableReader.Read(File, text))!.Errors.Select(e => e.ToString()).ToArray();

    [Test]
    public void Should_read_a_complete_table()
    {
        var table = CostTableReader.Read(File, Valid);
        Assert.Multiple(() =>
        {
            Assert.That(table.Name, Is.EqualTo("tiny"));
            Assert.That(table.AddPj(8), Is.EqualTo(0.03));
            Assert.That(table.MultiplyPj(32, 32), Is.EqualTo(3.1));
            Assert.That(table.Adder.Points[1].Provenance, Is.EqualTo(new Provenance("H14 8b add", EntryKind.Quoted, 12)));
        });
    }

    [Test]
    public void Should_reject_an_entry_without_a_source()
    {
        // Given the 8-bit adder point without its source
        string text = Valid.Replace("kind: quoted, source: H14 8b add }", "kind: quoted }");
        var (line, column) = PositionOf(text, "{ bits: 8,");

        // Then the error points at that entry and names the missing field
        Assert.That(Errors(text), Is.EqualTo(new[]
        {
            $"tiny.yaml:{line}:{column}: adder.points[1].source: required field is missing (where the number comes from: a source ID plus the table, figure or derivation)",
        }));
    }

    [Test]
    public void Should_reject_a_source_that_cites_none_of_the_tables_sources()
    {
        string text = Valid.Replace("source: H14 32b mult", "source: a blog post");
        var (line, column) = PositionOf(text, "a blog post");
        Assert.That(Errors(text), Is.EqualTo(new[]
        {
            $"tiny.yaml:{line}:{column}: multiplier.points[1].source: cites none of the table's sources; name one of: H14",
        }));
    }

    [Test]
    public void Should_reject_a_negative_energy()
    {
        string text = Valid.Replace("energy_pj: 0.03, area_um2: 36", "energy_pj: -0.03, area_um2: 36");
        var (line, column) = PositionOf(text, "-0.03");
        Assert.That(Errors(text), Is.EqualTo(new[]
        {
            $"tiny.yaml:{line}:{column}: adder.points[1].energy_pj: must not be negative, got -0.03",
        }));
    }

    [Test]
    public void Should_reject_a_width_gap_it_cannot_interpolate()
    {
        // Given an adder family promising 1..32 bits whose narrowest point is 8 bits (no origin point)
        string text = Valid.Replace("    - { bits: 0, energy_pj: 0, area_um2: 0, kind: derived, source: H14 origin }\n    - { bits: 8,", "    - { bits: 8,");
        var (line, column) = PositionOf(text, "- { bits: 8,");
        Assert.That(Errors(text), Is.EqualTo(new[]
        {
            $"tiny.yaml:{line}:{column}: adder.points: width gap: the narrowest point is 8 bits but min_bits is 1, so widths below it cannot be interpolated; add a point at or below 1 bits (e.g. 0 bits at 0 pJ) or raise min_bits",
        }));
    }

    [Test]
    public void Should_reject_a_width_gap_above_the_widest_point()
    {
        string text = Valid.Replace("  max_bits: 32\n  points:\n    - { a_bits: 0", "  max_bits: 64\n  points:\n    - { a_bits: 0");
        var (line, column) = PositionOf(text, "- { a_bits: 0");
        Assert.That(Errors(text), Is.EqualTo(new[]
        {
            $"tiny.yaml:{line}:{column}: multiplier.points: width gap: the widest point is 32 x 32 bits but max_bits is 64, so widths above it cannot be interpolated; add a point at or above 64 bits or lower max_bits",
        }));
    }

    [Test]
    public void Should_reject_an_energy_that_falls_as_the_width_grows()
    {
        string text = Valid.Replace("energy_pj: 0.1, area_um2: 137", "energy_pj: 0.02, area_um2: 137");
        var (line, column) = PositionOf(text, "0.02, area_um2: 137");
        Assert.That(Errors(text), Is.EqualTo(new[]
        {
            $"tiny.yaml:{line}:{column}: adder.points[2].energy_pj: energy falls from 0.03 pJ at 8 bits to 0.02 pJ at 32 bits; a wider unit cannot cost less, so the interpolation would not be monotone",
        }));
    }

    [Test]
    public void Should_report_every_problem_of_the_file_together_in_file_order()
    {
        // Given a missing source, a negative energy and an unknown key in one file
        string text = Valid
            .Replace("kind: quoted, source: H14 8b add }", "kind: quoted }")
            .Replace("read_pj: 20, write_pj: 20", "read_pj: 20, write_pj: -20")
            .Replace("node_nm: 45", "node_nm: 45\ncolour: blue");
        var (missingLine, missingColumn) = PositionOf(text, "{ bits: 8,");
        var (negativeLine, negativeColumn) = PositionOf(text, "-20");
        var (unknownLine, unknownColumn) = PositionOf(text, "colour");

        // Then all three come back, sorted by position
        Assert.That(Errors(text), Is.EqualTo(new[]
        {
            $"tiny.yaml:{unknownLine}:{unknownColumn}: colour: unknown key; allowed: sources, name, node_nm, description, allow_extrapolation, adder, multiplier, shifter, comparator, mux2, clamp, register, sram, sram_area, dram, bit_composable_mac, leakage, floating_point",
            $"tiny.yaml:{missingLine}:{missingColumn}: adder.points[1].source: required field is missing (where the number comes from: a source ID plus the table, figure or derivation)",
            $"tiny.yaml:{negativeLine}:{negativeColumn}: sram.points[1].write_pj: must not be negative, got -20",
        }));
    }

    [Test]
    public void Should_reject_a_dram_default_that_is_not_an_option()
    {
        string text = Valid.Replace("default: h14", "default: ddr9");
        var (line, column) = PositionOf(text, "ddr9");
        Assert.That(Errors(text), Is.EqualTo(new[]
        {
            $"tiny.yaml:{line}:{column}: dram.default: 'ddr9' is not one of the options: h14",
        }));
    }

    [Test]
    public void Should_resolve_the_built_in_name_and_a_path_to_a_users_table()
    {
        // Given the name used by the shipped configs, and a user's table on disk
        string dir = Path.Combine(Path.GetTempPath(), "quantsim-energy-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "my-22nm.yaml");
            System.IO.File.WriteAllText(path, Valid);
            string config = Path.Combine(dir, "accel.yaml");

            var builtIn = CostTableResolver.BuiltIn("horowitz-45nm");
            var user = CostTableResolver.Resolve("my-22nm.yaml", new FieldLocation(config, 0, 0, "technology.cost_table"));

            Assert.Multiple(() =>
            {
                Assert.That(builtIn.Name, Is.EqualTo("horowitz-45nm"));
                Assert.That(CostTableResolver.BuiltInNames, Does.Contain("horowitz-45nm"));
                Assert.That(user.Name, Is.EqualTo("tiny"));
                Assert.That(user.File, Is.EqualTo(path));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Should_name_the_built_in_tables_when_a_name_is_unknown()
    {
        var ex = Assert.Throws<InputException>(() => CostTableResolver.Resolve("horowitz-7nm", new FieldLocation("accel.yaml", 12, 15, "technology.cost_table")))!;
        Assert.That(ex.Errors[0].ToString(), Is.EqualTo(
            "accel.yaml:12:15: technology.cost_table: unknown cost table 'horowitz-7nm'; built-in tables: horowitz-45nm; or give a path to a YAML table"));
    }
}
