using System.Collections.Immutable;
using QuantSim.Input;
using QuantSim.Simulator.Dram;
using YamlDotNet.RepresentationModel;

namespace QuantSim.Simulator.Config;

/// <summary>
/// Reads a DRAM parameter set (accel-configs/dram/*.yaml) strictly, like accelerator configs:
/// every field required, timings in DRAM clocks, all errors reported together.
/// </summary>
public static class DramTimingReader
{
    private static readonly IReadOnlyDictionary<string, AddressField> Fields = new Dictionary<string, AddressField>
    {
        ["row"] = AddressField.Row,
        ["bank"] = AddressField.Bank,
        ["bank_group"] = AddressField.BankGroup,
        ["channel"] = AddressField.Channel,
        ["column"] = AddressField.Column,
    };

    public static readonly IReadOnlyDictionary<string, PagePolicy> Policies = new Dictionary<string, PagePolicy>
    {
        ["open"] = PagePolicy.Open,
        ["closed"] = PagePolicy.Closed,
    };

    public static DramTimingParameters ReadFile(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, "DRAM parameter file", InputLimits.ConfigBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(path, 0, 0, string.Empty, $"cannot read the DRAM parameter file: {ex.Message}"));
        }

        var diagnostics = new InputDiagnostics(path);
        var root = YamlSection.Parse(text, diagnostics);
        if (root is null)
        {
            diagnostics.ThrowIfAny();
        }

        var result = Read(root!);
        diagnostics.ThrowIfAny();
        return result!;
    }

    private static DramTimingParameters? Read(YamlSection s)
    {
        const int MaxClocks = 1_000_000;
        string? name = s.String("name", true, "name of this DRAM parameter set");
        int? tck = s.Int("tck_ps", true, 1, 100_000, "DRAM clock period in picoseconds");
        int? bl = s.Int("burst_length", true, 1, 64, "beats per burst");
        int? bus = s.Int("bus_bits", true, 8, 1024, "data bus width per channel in bits");
        int? channels = s.Int("channels", true, 1, 64, "independent channels");
        int? groups = s.Int("bank_groups", true, 1, 64, "bank groups per channel (1 if none)");
        int? banks = s.Int("banks_per_group", true, 1, 64, "banks in each bank group");
        int? rowBytes = s.Int("row_bytes", true, 1, 1 << 20, "bytes in one row of one bank");
        int? rows = s.Int("rows_per_bank", true, 1, 1 << 24, "rows in each bank");
        int? cl = s.Int("cl", true, 1, MaxClocks, "read CAS latency in clocks");
        int? cwl = s.Int("cwl", true, 1, MaxClocks, "write CAS latency in clocks");
        int? trcd = s.Int("trcd", true, 1, MaxClocks, "ACT to CAS in clocks");
        int? trp = s.Int("trp", true, 1, MaxClocks, "PRE to ACT in clocks");
        int? tras = s.Int("tras", true, 1, MaxClocks, "ACT to PRE in clocks");
        int? tccdS = s.Int("tccd_s", true, 1, MaxClocks, "CAS to CAS, different bank group");
        int? tccdL = s.Int("tccd_l", true, 1, MaxClocks, "CAS to CAS, same bank group");
        int? trrdS = s.Int("trrd_s", true, 1, MaxClocks, "ACT to ACT, different bank group");
        int? trrdL = s.Int("trrd_l", true, 1, MaxClocks, "ACT to ACT, same bank group");
        int? tfaw = s.Int("tfaw", true, 1, MaxClocks, "four-activate window in clocks");
        int? twr = s.Int("twr", true, 0, MaxClocks, "write recovery in clocks");
        int? trefi = s.Int("trefi", true, 1, 100_000_000, "refresh interval in clocks");
        int? trfc = s.Int("trfc", true, 1, MaxClocks, "refresh cycle time in clocks");
        var mapping = ReadMapping(s);
        PagePolicy? policy = s.Choice("page_policy", true, Policies, "row-buffer policy");
        s.RejectUnknownKeys();

        if (bl is { } b && bus is { } w && b * w % 8 != 0)
        {
            s.Error("burst_length", $"a burst must be whole bytes: {b} beats x {w} bits is not a multiple of 8");
        }

        // The address decoder splits an address into bit fields, so every field's size is a power of two.
        foreach (var (key, value) in new[] { ("channels", channels), ("bank_groups", groups), ("banks_per_group", banks), ("rows_per_bank", rows), ("row_bytes", rowBytes) })
        {
            if (value is { } v && !System.Numerics.BitOperations.IsPow2(v))
            {
                s.Error(key, $"must be a power of two (the address decoder maps it to address bits), got {v}");
            }
        }

        if (bl is { } beats && bus is { } width && beats * width % 8 == 0 && !System.Numerics.BitOperations.IsPow2(beats * width / 8))
        {
            s.Error("burst_length", $"a burst must be a power-of-two number of bytes (the address decoder's lowest field), got {beats} beats x {width} bits = {beats * width / 8} bytes");
        }

        if (rowBytes is { } rb && bl is { } beats2 && bus is { } width2 && beats2 * width2 % 8 == 0 && rb < beats2 * width2 / 8)
        {
            s.Error("row_bytes", $"must hold at least one burst ({beats2 * width2 / 8} bytes), got {rb}");
        }

        if (trefi is { } refi && trfc is { } rfc && rfc >= refi)
        {
            s.Error("trfc", $"must be shorter than trefi ({refi}), got {rfc}");
        }

        if (s.Diagnostics.HasErrors)
        {
            return null;
        }

        return new DramTimingParameters
        {
            Name = name!, TckPs = tck!.Value, BurstLength = bl!.Value, BusBits = bus!.Value, Channels = channels!.Value,
            BankGroups = groups!.Value, BanksPerGroup = banks!.Value, RowBytes = rowBytes!.Value, RowsPerBank = rows!.Value,
            Cl = cl!.Value, Cwl = cwl!.Value, Trcd = trcd!.Value, Trp = trp!.Value, Tras = tras!.Value,
            TccdS = tccdS!.Value, TccdL = tccdL!.Value, TrrdS = trrdS!.Value, TrrdL = trrdL!.Value, Tfaw = tfaw!.Value,
            Twr = twr!.Value, Trefi = trefi!.Value, Trfc = trfc!.Value, AddressMapping = mapping!.Value, PagePolicy = policy!.Value,
        };
    }

    private static ImmutableArray<AddressField>? ReadMapping(YamlSection s)
    {
        const string Key = "address_mapping";
        string allowed = string.Join(", ", Fields.Keys);
        var items = s.Sequence(Key, true, $"address fields from most to least significant, each once: {allowed}");
        if (items is null)
        {
            return null;
        }

        var fields = new List<AddressField>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } text } && Fields.TryGetValue(text, out var field) && !fields.Contains(field))
            {
                fields.Add(field);
            }
            else
            {
                s.Diagnostics.Add((int)item.Start.Line, (int)item.Start.Column, s.FieldPath(Key),
                    $"each element must be one of {allowed}, each once; got '{(item as YamlScalarNode)?.Value ?? item.ToString()}'");
            }
        }

        if (fields.Count != Fields.Count && !s.Diagnostics.HasErrors)
        {
            s.Error(Key, $"must name all five fields once ({allowed}); got {fields.Count}");
        }

        return [.. fields];
    }
}
