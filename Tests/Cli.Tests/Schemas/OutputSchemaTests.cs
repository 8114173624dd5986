using System.Text.Json.Nodes;
using QuantSim.Cli.Commands;
using QuantSim.Cli.Reports;
using QuantSim.Cli.Study;
using QuantSim.Cli.Sweep;

namespace QuantSim.Cli.Tests.Schemas;

/// <summary>
/// Every JSON file QuantSim writes, produced for real by the verbs the CLI runs on tiny inputs, conforms
/// to its published schema in docs/schemas; and the schemas are strict enough to catch a broken file.
/// </summary>
public sealed class OutputSchemaTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("quantsim-schemas").FullName;

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, true);

    private string Out(string name) => Path.Combine(_dir, name);

    private static void AssertConforms(string schemaFile, string jsonFile)
    {
        Assert.That(File.Exists(jsonFile), jsonFile);
        Assert.That(OutputSchemas.Problems(schemaFile, File.ReadAllText(jsonFile)), Is.Empty, $"{jsonFile} against {schemaFile}");
    }

    private static void AssertSucceeded(CliRun run) => Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);

    [TestCase("result.schema.json", ResultJsonWriter.Schema)]
    [TestCase("accuracy.schema.json", AccuracyJsonWriter.Schema)]
    [TestCase("study.schema.json", StudyWriter.Schema)]
    [TestCase("sweep.schema.json", SweepJsonWriter.Schema)]
    [TestCase("sweep-shard.schema.json", ShardFile.Schema)]
    public void Should_Publish_The_Schema_Id_Its_Writer_Writes(string schemaFile, string id)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", schemaFile)))!;

        Assert.That(schema["$schema"]!.GetValue<string>(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
        Assert.That(schema["properties"]!["schema"]!["const"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public void Should_Publish_A_Schema_Per_File_And_One_For_The_Shared_Priced_Summary()
    {
        Assert.That(OutputSchemas.Files, Is.EquivalentTo(new[]
        {
            "accuracy.schema.json", "priced-summary.schema.json", "result.schema.json", "study.schema.json", "sweep.schema.json", "sweep-shard.schema.json",
        }));
    }

    [Test]
    public void Should_Describe_The_Result_Of_Simulate_On_The_Default_Config()
    {
        AssertSucceeded(CliRun.Of("simulate", "--workload", "lenet5", "--out", Out("sim")));

        AssertConforms("result.schema.json", Path.Combine(Out("sim"), "result.json"));
    }

    [Test]
    public void Should_Describe_A_Priced_Result_Of_SCALE_Sims_Smallest_Buffers()
    {
        // Given SCALE-Sim's 1 kB buffers of 8-bit words (priced from the table's derived small-SRAM rows)
        string fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "scalesim", "tiny_gemm_8x8_os_user_bw2_1kB");
        AssertSucceeded(CliRun.Of("simulate", "--scalesim-config", Path.Combine(fixture, "tiny_8x8_os_user_bw2_1kB.cfg"),
            "--topology", Path.Combine(fixture, "tiny_gemm.csv"), "--out", Out("unpriced")));
        string file = Path.Combine(Out("unpriced"), "result.json");

        // Then the result is priced like any other
        Assert.That(JsonNode.Parse(File.ReadAllText(file))!["energy"]!["total_pj"]!.GetValue<decimal>(), Is.GreaterThan(0m));
        AssertConforms("result.schema.json", file);
    }

    [Test]
    public void Should_Describe_A_Sweep_Its_Shards_And_Their_Merge()
    {
        string[] sweep = ["sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", "array.rows=8,16"];
        AssertSucceeded(CliRun.Of([.. sweep, "--out", Out("whole")]));
        AssertSucceeded(CliRun.Of([.. sweep, "--shard", "1/2", "--out", Out("shard1")]));
        AssertSucceeded(CliRun.Of([.. sweep, "--shard", "2/2", "--out", Out("shard2")]));
        AssertSucceeded(CliRun.Of("merge", Out("shard1"), Out("shard2"), "--out", Out("merged")));

        AssertConforms("sweep.schema.json", Path.Combine(Out("whole"), "sweep.json"));
        AssertConforms("sweep-shard.schema.json", Path.Combine(Out("shard1"), "shard-1-of-2.json"));
        AssertConforms("sweep-shard.schema.json", Path.Combine(Out("shard2"), "shard-2-of-2.json"));
        AssertConforms("sweep.schema.json", Path.Combine(Out("merged"), "sweep.json"));
    }

    [Test]
    public void Should_Describe_A_Hardware_Only_Study()
    {
        // LeNet-5 as both the trained and the "large" network keeps the 29 points to milliseconds each
        AssertSucceeded(CliRun.Of("study", "--no-accuracy", "--large", "lenet5", "--out", Out("study")));

        AssertConforms("study.schema.json", Path.Combine(Out("study"), "study.json"));
    }

    [Test]
    public void Should_Describe_A_Study_With_Measured_Accuracy()
    {
        // Given the study run through its runner and writer with hand-made accuracies (training every
        // point for real takes minutes; accuracy.json below covers the real measurement)
        string configFile = CliRun.BuiltIn("default");
        var config = Simulator.Config.AcceleratorConfigReader.Default.ReadFile(configFile);
        var lenet = Workloads.WorkloadSource.Resolve("lenet5");
        var options = new StudyOptions("lenet5", "mnist", configFile, lenet.Name) { Targets = [5.0], Budget = new StudyBudget(10, null, 2, 4000, null) };
        var variants = StudyVariant.All(Datapaths.Contract.DatapathRegistry.Default);
        var result = StudyRunner.Run(options, variants, config, lenet, lenet, new HandMadeAccuracy(), new Progress<string>());
        // with the sensitivity run's pairs, equal-accuracy ones included
        result = result with { Sensitivity = SensitivityRun.Run(result, variants, config, lenet, lenet, new Progress<string>()) };
        string file = Out("study-with-accuracy.json");
        File.WriteAllText(file, StudyWriter.Json(result));

        // Then the optional accuracy figures are there and conform too
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.That(root["rows"]![0]!["accuracy"], Is.Not.Null);
        Assert.That(root["headline"]![0]!["mcnemar_p"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(root["headline"]![0]!["paired_t_p"], Is.Not.Null);
        Assert.That(root["rows"]![0]!["accuracy"]!["seeds"]!.AsArray(), Has.Count.EqualTo(3));
        // every comparison, equal-accuracy ones included, under the baseline and each alternative
        Assert.That(result.EqualAccuracyHeadline, Is.Not.Empty);
        Assert.That(root["sensitivity"]!["pairs"]!.AsArray(), Has.Count.EqualTo((result.Headline.Length + result.EqualAccuracyHeadline.Length) * (result.Sensitivity!.Alternatives.Length + 1)));
        Assert.That(root["sensitivity"]!["pairs"]!.AsArray().Count(p => p!["target_points"] is not null), Is.EqualTo(result.EqualAccuracyHeadline.Length * (result.Sensitivity!.Alternatives.Length + 1)));
        Assert.That(root["budget"]!.ToJsonString(), Is.EqualTo("""{"float_epochs":10,"float_images":null,"qat_epochs":2,"qat_images":4000,"test_images":null}"""));
        AssertConforms("study.schema.json", file);
    }

    [Test]
    public void Should_Describe_The_Accuracy_Of_A_Real_Measurement_And_Repeat_Its_Bytes_From_Cached_Checkpoints()
    {
        // Given LeNet-5 trained in float on 1,000 MNIST images, quantized post-training (as the accuracy
        // command runs it, at a size for tests), measured twice: the second run loads the checkpoints
        var options = new Workloads.Torch.Accuracy.AccuracyOptions(
            Workloads.Torch.Models.ModelArchitecture.LeNet5,
            Workloads.Torch.Data.DatasetName.Mnist,
            new Workloads.Torch.Quantization.QuantizationConfig(Datapaths.Contract.DatapathChoice.Of(new Datapaths.Lsq.LsqDatapath(), Workloads.Layers.Precision.W8A8)))
        {
            FloatTraining = new Workloads.Torch.Training.TrainingOptions(1, 32, 3e-3, 1) { TrainImages = 1000 },
            PostTrainingOnly = true,
            TestImages = 300,
            CheckpointCache = new Workloads.Torch.Data.DataCache(Out("checkpoints")),
        };
        var console = new CliConsole(TextWriter.Null, TextWriter.Null);
        string first = AccuracyJsonWriter.Render(AccuracyCommand.Run(console, options));
        string second = AccuracyJsonWriter.Render(AccuracyCommand.Run(console, options));
        string file = Out("accuracy.json");
        File.WriteAllText(file, first);

        AssertConforms("accuracy.schema.json", file);
        Assert.That(second, Is.EqualTo(first));
    }

    /// <summary>A real result.json broken one way at a time: each must fail, at the field broken.</summary>
    [TestCase("/schema", "\"quantsim.result/1\"", "/schema", TestName = "Should_Reject_A_Result_Of_Another_Schema_Version")]
    [TestCase("/totals/cycles", "-1", "/totals/cycles", TestName = "Should_Reject_A_Negative_Cycle_Count")]
    [TestCase("/totals/speed", "1", "/totals/speed", TestName = "Should_Reject_An_Unknown_Key_In_A_Closed_Object")]
    [TestCase("/priced/area_mm2", null, "/priced", TestName = "Should_Reject_A_Priced_Summary_Without_Its_Area")]
    [TestCase("/priced/tops_per_watt", "\"fast\"", "/priced/tops_per_watt", TestName = "Should_Reject_A_Figure_Of_The_Wrong_Type")]
    [TestCase("/config/array/dataflow", "\"diagonal\"", "/config/array/dataflow", TestName = "Should_Reject_An_Unknown_Dataflow")]
    [TestCase("/layers/0/energy_pj", null, "/layers/0", TestName = "Should_Reject_A_Priced_Result_With_An_Unpriced_Layer")]
    [TestCase("/pricing_error", "\"no table\"", "/pricing_error", TestName = "Should_Reject_A_Result_With_A_Pricing_Error_Field")]
    public void Should_Reject_A_Broken_Result(string pointer, string? value, string location)
    {
        string dir = Out($"broken-{Guid.NewGuid():N}");
        AssertSucceeded(CliRun.Of("simulate", "--workload", "lenet5", "--config", "edge-16x16", "--out", dir));
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "result.json")))!;
        Assert.That(OutputSchemas.Problems("result.schema.json", document), Is.Empty, "the unbroken file conforms");

        Set(document, pointer, value is null ? null : JsonNode.Parse(value));

        var problems = OutputSchemas.Problems("result.schema.json", document);
        Assert.That(problems, Has.Some.StartWith($"{location} ("), string.Join("\n", problems));
    }

    [Test]
    public void Should_Reject_A_Shard_Point_That_Carries_A_Pareto_Flag()
    {
        // Pareto flags depend on every shard; a shard that has one was not written by quantsim sweep --shard
        string[] sweep = ["sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", "array.rows=8,16"];
        AssertSucceeded(CliRun.Of([.. sweep, "--shard", "1/1", "--out", Out("flagged")]));
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Out("flagged"), "shard-1-of-1.json")))!;

        Set(document, "/points/1/pareto", JsonValue.Create(true));

        var problems = OutputSchemas.Problems("sweep-shard.schema.json", document);
        Assert.That(problems, Has.Some.StartWith("/points/1 ("), string.Join("\n", problems));
    }

    /// <summary>Sets (or, with null, removes) the member at a JSON pointer of object keys and array indexes.</summary>
    private static void Set(JsonNode document, string pointer, JsonNode? value)
    {
        string[] keys = pointer.TrimStart('/').Split('/');
        JsonNode parent = document;
        foreach (string key in keys[..^1])
        {
            parent = (int.TryParse(key, out int index) ? parent[index] : parent[key])!;
        }

        var target = parent.AsObject();
        if (value is null)
        {
            Assert.That(target.Remove(keys[^1]), Is.True, $"{pointer} exists");
        }
        else
        {
            target[keys[^1]] = value;
        }
    }

    /// <summary>
    /// Accuracies made up from the precision (more bits, more images right) over 100 test images, so
    /// the headline's paired test has real per-image outcomes to compare.
    /// </summary>
    private sealed class HandMadeAccuracy : IStudyAccuracy
    {
        public AccuracyPoint? Measure(StudyVariant variant, StudyPrecision precision, int qatSeed, IProgress<string> progress)
        {
            int right = 80 + Math.Min(2 * precision.Widest.WeightBits, 18) - qatSeed % 2;
            bool[] correct = [.. Enumerable.Range(0, 100).Select(i => i < right)];
            double top1 = right / 100.0;
            return new AccuracyPoint(top1, top1 - 0.05, Math.Min(1, top1 + 0.05), 0.99, 0.995, [.. correct]);
        }

        public double PairedPValue(AccuracyPoint a, AccuracyPoint b) => Workloads.Torch.Statistics.McNemarTest.Compare(a.Correct, b.Correct).PValue;
    }
}
