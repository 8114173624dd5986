using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Config;

public sealed class AcceleratorConfigReaderTests
{
    private static string Fixture(string relative) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Config", relative);

    /// <summary>Reads a fixture under a short label so messages can be compared exactly.</summary>
    private static IReadOnlyList<string> ErrorsOf(string brokenFile)
    {
        string label = $"Broken/{brokenFile}";
        var ex = Assert.Throws<InputException>(() =>
            AcceleratorConfigReader.Default.Read(label, File.ReadAllText(Fixture(label))));
        return ex!.Errors.Select(e => e.ToString()).ToList();
    }

    public sealed class TheReadMethod
    {
        [Test]
        public void Should_Build_Every_Field_Of_A_Valid_Config_With_Defaults_Applied()
        {
            // Given the base fixture, which leaves timing, word_bits, banks, double_buffered and accumulator_bits out
            var config = AcceleratorConfigReader.Default.ReadFile(Fixture("base.yaml"));

            // Then the given values are kept and the documented defaults fill the rest
            Assert.Multiple(() =>
            {
                Assert.That(config.Name, Is.EqualTo("test"));
                Assert.That(config.ClockMhz, Is.EqualTo(500));
                Assert.That(config.Array, Is.EqualTo(new ArrayConfig(4, 4, Dataflow.WeightStationary, TimingConvention.Native)));
                Assert.That(config.Buffers.Ifmap, Is.EqualTo(new BufferConfig(1024, 8, 1)));
                Assert.That(config.Buffers.Ofmap, Is.EqualTo(new BufferConfig(1024, 32, 1)));
                Assert.That(config.Buffers.DoubleBuffered, Is.True);
                Assert.That(config.Dram, Is.EqualTo(new BandwidthDramConfig(8m, 10, 64)));
                Assert.That(config.Datapath.Name, Is.EqualTo("lsq"));
                Assert.That(config.Datapath.Precision, Is.EqualTo(new Precision(8, 8, 32)));
                Assert.That(config.Technology.CostTable, Is.EqualTo("horowitz-45nm"));
            });
        }

        [Test]
        public void Should_Fill_Datapath_Option_Defaults_And_Keep_Given_Ones()
        {
            // Given scale-offset with only the weights option given
            string text = File.ReadAllText(Fixture("base.yaml"))
                .Replace("kind: lsq", "kind: scale-offset\n  weights: asymmetric", StringComparison.Ordinal);

            // When read
            var config = AcceleratorConfigReader.Default.Read("so.yaml", text);

            // Then form takes its default (in-pe) and weights keeps the given value
            Assert.That(config.Datapath.Settings["form"], Is.EqualTo("in-pe"));
            Assert.That(config.Datapath.Settings["weights"], Is.EqualTo("asymmetric"));
        }

        [Test]
        public void Should_Report_The_Tab_Position()
        {
            // Line 4 is "\trows: 4": the tab is its first character
            Assert.That(ErrorsOf("tabs.yaml"), Is.EqualTo(new[]
            {
                "Broken/tabs.yaml:4:1: (syntax): tab character in indentation; YAML indents with spaces only",
            }));
        }

        [Test]
        public void Should_Report_An_Unknown_Key_With_The_Allowed_Ones()
        {
            // Line 6 is "  colums: 8", the key starts in column 3
            Assert.That(ErrorsOf("unknown-key.yaml"), Is.EqualTo(new[]
            {
                "Broken/unknown-key.yaml:6:3: array.colums: unknown key; allowed: rows, cols, dataflow, timing, clock_gating",
            }));
        }

        [Test]
        public void Should_Report_Negative_Rows_With_The_Allowed_Range()
        {
            // Line 4 is "  rows: -4": the value starts in column 9
            Assert.That(ErrorsOf("negative-rows.yaml"), Is.EqualTo(new[]
            {
                "Broken/negative-rows.yaml:4:9: array.rows: must be between 1 and 4096, got -4",
            }));
        }

        [Test]
        public void Should_Report_An_Unknown_Dataflow_With_The_Allowed_Ones()
        {
            Assert.That(ErrorsOf("diagonal-dataflow.yaml"), Is.EqualTo(new[]
            {
                "Broken/diagonal-dataflow.yaml:6:13: array.dataflow: unknown value 'diagonal'; allowed: os, ws, is",
            }));
        }

        [Test]
        public void Should_Report_A_String_Where_A_Number_Belongs()
        {
            Assert.That(ErrorsOf("string-number.yaml"), Is.EqualTo(new[]
            {
                "Broken/string-number.yaml:5:9: array.cols: expected an integer (number of PE columns), got 'sixteen'",
            }));
        }

        [Test]
        public void Should_Report_A_Missing_Section_At_The_Top_Of_Its_Parent()
        {
            Assert.That(ErrorsOf("missing-array.yaml"), Is.EqualTo(new[]
            {
                "Broken/missing-array.yaml:1:1: array: required field is missing (the PE array: rows, cols, dataflow)",
            }));
        }

        [Test]
        public void Should_Reject_Buffers_Smaller_Than_One_Fold_Needs()
        {
            // Given a 512x4 weight-stationary array, w8a8, and three double-buffered 0.25 KiB buffers (128-byte halves):
            // one step of the input stream is 512 one-byte inputs (2 x 512 B = 1 KiB needed), the stationary tile
            // 512 x 4 one-byte weights (2 x 2048 B = 4 KiB). Partial sums may spill, so the ofmap has no minimum.
            Assert.That(ErrorsOf("buffer-too-small.yaml"), Is.EqualTo(new[]
            {
                "Broken/buffer-too-small.yaml:9:19: buffers.ifmap.capacity_kib: a fold needs 512 bytes of inputs (one step of the stream, 512 rows) at w8a8, but half of the double-buffered ifmap buffer holds 128 bytes; allowed: at least 1 KiB",
                "Broken/buffer-too-small.yaml:11:19: buffers.filter.capacity_kib: a fold needs 2048 bytes of stationary weights (512x4 tile) at w8a8, but half of the double-buffered filter buffer holds 128 bytes; allowed: at least 4 KiB",
            }));
        }

        [Test]
        public void Should_Report_Every_Error_Of_A_File_Together_In_Line_Order()
        {
            Assert.That(ErrorsOf("several-errors.yaml"), Is.EqualTo(new[]
            {
                "Broken/several-errors.yaml:2:12: clock_mhz: expected a number (clock frequency in MHz), got the quoted string \"500\"; remove the quotes",
                "Broken/several-errors.yaml:4:9: array.rows: must be between 1 and 4096, got 0",
                "Broken/several-errors.yaml:6:13: array.dataflow: unknown value 'diagonal'; allowed: os, ws, is",
                "Broken/several-errors.yaml:22:16: datapath.weight_bits: must be between 1 and 32, got 33",
            }));
        }

        [Test]
        public void Should_Reject_Zero_Bit_Operands()
        {
            Assert.That(ErrorsOf("zero-bits.yaml"), Is.EqualTo(new[]
            {
                "Broken/zero-bits.yaml:22:16: datapath.weight_bits: must be between 1 and 32, got 0",
            }));
        }

        [Test]
        public void Should_Reject_An_Offset_Option_On_A_Variant_Without_Offsets()
        {
            Assert.That(ErrorsOf("option-on-lsq.yaml"), Is.EqualTo(new[]
            {
                "Broken/option-on-lsq.yaml:24:3: datapath.form: unknown key; allowed: kind, weight_bits, activation_bits, accumulator_bits, activations, rounding",
            }));
        }

        [Test]
        public void Should_Reject_An_Unknown_Datapath_Naming_The_Known_Ones()
        {
            Assert.That(ErrorsOf("unknown-datapath.yaml"), Is.EqualTo(new[]
            {
                "Broken/unknown-datapath.yaml:21:9: datapath.kind: unknown datapath 'lsq-plus'; allowed: fixed-point, lsq, per-channel, scale-offset, mixed-precision, float",
            }));
        }

        [Test]
        public void Should_Reject_Precisions_The_Variant_Cannot_Run()
        {
            // Given mixed precision, which supports 2, 4, 8 and 16 bits only, at 3 bits
            string text = File.ReadAllText(Fixture("base.yaml"))
                .Replace("kind: lsq", "kind: mixed-precision", StringComparison.Ordinal)
                .Replace("weight_bits: 8", "weight_bits: 3", StringComparison.Ordinal);

            var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.Read("mp.yaml", text));

            Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
            {
                "mp.yaml:22:16: datapath.weight_bits: weight bits must be one of 2, 4, 8, 16, got 3 (mixed-precision)",
            }));
        }

        [Test]
        public void Should_Reject_Duplicate_Keys()
        {
            string text = File.ReadAllText(Fixture("base.yaml")).Replace("  cols: 4\n", "  cols: 4\n  cols: 8\n", StringComparison.Ordinal);

            var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.Read("dup.yaml", text));

            Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
            {
                "dup.yaml:6:3: cols: key appears twice in its mapping; keep one",
            }));
        }

        [Test]
        public void Should_Name_The_Path_Given_When_Reading_A_File()
        {
            string path = Fixture("Broken/negative-rows.yaml");

            var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.ReadFile(path));

            Assert.That(ex!.Errors.Single().File, Is.EqualTo(path));
        }

        [Test]
        public void Should_Report_A_Missing_File_Without_A_Line()
        {
            var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.ReadFile("no/such/config.yaml"));

            Assert.That(ex!.Errors.Single().ToString(), Does.StartWith("no/such/config.yaml: cannot read the config file: "));
        }
    }

    public sealed class TheDramSection
    {
        private static string WithDram(string dram) =>
            File.ReadAllText(Fixture("base.yaml")).Replace(
                "dram:\n  model: simple\n  bandwidth_bytes_per_cycle: 8\n  latency_cycles: 10\n  burst_bytes: 64\n", dram, StringComparison.Ordinal);

        [Test]
        public void Should_Load_A_Shipped_Timing_Set_By_Name_And_Apply_A_Page_Policy_Override()
        {
            // Given a config placed next to the shipped dram/ folder that names lpddr4-3200 and a closed page
            string configFile = Path.Combine(TestContext.CurrentContext.TestDirectory, "accel-configs", "test.yaml");
            string text = WithDram("dram:\n  model: timing\n  timing: lpddr4-3200\n  page_policy: closed\n");

            var dram = (TimingDramConfig)AcceleratorConfigReader.Default.Read(configFile, text).Dram;

            // Then the set's values are those written in accel-configs/dram/lpddr4-3200.yaml, with the override
            Assert.Multiple(() =>
            {
                Assert.That(dram.Parameters.Name, Is.EqualTo("lpddr4-3200"));
                Assert.That(dram.Parameters.TckPs, Is.EqualTo(625));
                Assert.That(dram.Parameters.BurstBytes, Is.EqualTo(32), "BL16 x 16 bits = 32 bytes");
                Assert.That(dram.Parameters.Channels, Is.EqualTo(2));
                Assert.That(dram.Parameters.PagePolicy, Is.EqualTo(QuantSim.Simulator.Dram.PagePolicy.Closed));
            });
        }

        [Test]
        public void Should_Ship_The_Ddr4_2400_Datasheet_Timings_Used_By_The_Hand_Derived_Dram_Tests()
        {
            string shipped = Path.Combine(TestContext.CurrentContext.TestDirectory, "accel-configs", "dram", "ddr4-2400.yaml");

            var parameters = DramTimingReader.ReadFile(shipped);

            // Same datasheet values as typed into the DRAM tests; only the name and the address layout differ.
            var handTyped = Dram.BankTimingDramModelTests.Ddr4();
            Assert.That(parameters with { Name = handTyped.Name, AddressMapping = handTyped.AddressMapping }, Is.EqualTo(handTyped));
        }

        [Test]
        public void Should_Report_An_Unknown_Timing_Set()
        {
            string text = WithDram("dram:\n  model: timing\n  timing: ddr9\n");

            var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.Read("cfg/x.yaml", text));

            Assert.That(ex!.Errors.Single().ToString(), Is.EqualTo("cfg/x.yaml:17:11: dram.timing: no DRAM parameter set 'ddr9': neither a file nor a name in cfg/dram/"));
        }

        [Test]
        public void Should_Report_Errors_Inside_A_Timing_Set_Against_That_File()
        {
            // Given a parameter set with a zero tRCD, next to the config
            string dir = Path.Combine(Path.GetTempPath(), $"quantsim-dram-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            try
            {
                string shipped = Path.Combine(TestContext.CurrentContext.TestDirectory, "accel-configs", "dram", "ddr4-2400.yaml");
                string set = Path.Combine(dir, "bad.yaml");
                File.WriteAllText(set, File.ReadAllText(shipped).Replace("trcd: 16", "trcd: 0", StringComparison.Ordinal));
                int line = Array.FindIndex(File.ReadAllLines(set), l => l.StartsWith("trcd:", StringComparison.Ordinal)) + 1;

                var ex = Assert.Throws<InputException>(() =>
                    AcceleratorConfigReader.Default.Read(Path.Combine(dir, "cfg.yaml"), WithDram("dram:\n  model: timing\n  timing: bad.yaml\n")));

                Assert.That(ex!.Errors.Single().ToString(), Is.EqualTo($"{set}:{line}:7: trcd: must be between 1 and 1000000, got 0"));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Test]
        public void Should_Reject_Zero_Bandwidth()
        {
            string text = WithDram("dram:\n  model: simple\n  bandwidth_bytes_per_cycle: 0\n  latency_cycles: 10\n  burst_bytes: 64\n");

            var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.Read("z.yaml", text));

            Assert.That(ex!.Errors.Single().ToString(), Is.EqualTo("z.yaml:17:30: dram.bandwidth_bytes_per_cycle: must be greater than 0 and at most 1048576, got 0"));
        }
    }

    public sealed class TheShippedConfigs
    {
        private static IEnumerable<string> Shipped() =>
            Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "accel-configs"), "*.yaml").Order(StringComparer.Ordinal);

        [Test]
        public void Should_Include_The_Five_Reference_Designs()
        {
            Assert.That(Shipped().Select(Path.GetFileNameWithoutExtension),
                Is.SupersetOf(new[] { "default", "tpu-v1", "eyeriss", "scalesim-32x32", "edge-16x16" }));
        }

        [TestCaseSource(nameof(Shipped))]
        public void Should_Load_Without_Errors_And_Say_Where_Its_Numbers_Come_From(string file)
        {
            var config = AcceleratorConfigReader.Default.ReadFile(file);

            Assert.That(config.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(file)));
            Assert.That(File.ReadLines(file).First(), Does.StartWith("#"), "each shipped config opens with a comment naming its source");
        }

        [Test]
        public void Should_Match_The_Published_Array_Shapes()
        {
            string dir = Path.Combine(TestContext.CurrentContext.TestDirectory, "accel-configs");
            ArrayConfig ArrayOf(string name) => AcceleratorConfigReader.Default.ReadFile(Path.Combine(dir, name + ".yaml")).Array;

            Assert.Multiple(() =>
            {
                // Jouppi et al. ISCA 2017: 256x256 MACs, weight stationary
                Assert.That(ArrayOf("tpu-v1"), Is.EqualTo(new ArrayConfig(256, 256, Dataflow.WeightStationary, TimingConvention.Native)));
                // Chen et al. JSSC 2017: 168 PEs in 12 rows x 14 columns
                Assert.That(ArrayOf("eyeriss").ProcessingElements, Is.EqualTo(168));
                // SCALE-Sim v2 configs/scale.cfg: 32x32, os
                Assert.That(ArrayOf("scalesim-32x32"), Is.EqualTo(new ArrayConfig(32, 32, Dataflow.OutputStationary, TimingConvention.ScaleSim)));
                Assert.That(ArrayOf("edge-16x16").ProcessingElements, Is.EqualTo(256));
            });
        }
    }
}
