using System.Numerics;

namespace QuantSim.Simulator.Dram;

/// <summary>Where a burst lives: channel, bank group, bank, row (column bits only select the burst).</summary>
public readonly record struct DramLocation(int Channel, int BankGroup, int Bank, long Row);

/// <summary>
/// Splits a byte address by the configured field order. Burst-offset bits are dropped first; every
/// field has a power-of-two size, and address bits above the capacity wrap around.
/// </summary>
public sealed class DramAddressDecoder
{
    private readonly int _burstBits;
    private readonly (int Shift, long Mask) _channel, _group, _bank, _row;

    public DramAddressDecoder(DramTimingParameters p)
    {
        _burstBits = Log2(p.BurstBytes, "burst bytes");
        var sizes = new Dictionary<AddressField, int>
        {
            [AddressField.Channel] = Log2(p.Channels, "channels"),
            [AddressField.BankGroup] = Log2(p.BankGroups, "bank groups"),
            [AddressField.Bank] = Log2(p.BanksPerGroup, "banks per group"),
            [AddressField.Column] = Log2(p.RowBytes / p.BurstBytes, "bursts per row"),
            [AddressField.Row] = Log2(p.RowsPerBank, "rows per bank"),
        };

        // Bit position of each field, counting from the least significant field upwards.
        var fields = new Dictionary<AddressField, (int Shift, long Mask)>();
        int shift = _burstBits;
        foreach (var field in p.AddressMapping.Reverse())
        {
            fields[field] = (shift, (1L << sizes[field]) - 1);
            shift += sizes[field];
        }

        _channel = fields[AddressField.Channel];
        _group = fields[AddressField.BankGroup];
        _bank = fields[AddressField.Bank];
        _row = fields[AddressField.Row];
    }

    public DramLocation Decode(long address) => new(
        (int)((address >> _channel.Shift) & _channel.Mask),
        (int)((address >> _group.Shift) & _group.Mask),
        (int)((address >> _bank.Shift) & _bank.Mask),
        (address >> _row.Shift) & _row.Mask);

    private static int Log2(int value, string what) =>
        value > 0 && BitOperations.IsPow2(value)
            ? BitOperations.Log2((uint)value)
            : throw new ArgumentException($"DRAM {what} must be a power of two, got {value}.");
}
