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
    private readonly (AddressField Field, int Bits)[] _lowToHigh;

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
        _lowToHigh = p.AddressMapping.Reverse().Select(f => (f, sizes[f])).ToArray();
    }

    public DramLocation Decode(long address)
    {
        long rest = address >> _burstBits;
        int channel = 0, group = 0, bank = 0;
        long row = 0;
        foreach (var (field, bits) in _lowToHigh)
        {
            long value = rest & ((1L << bits) - 1);
            rest >>= bits;
            switch (field)
            {
                case AddressField.Channel: channel = (int)value; break;
                case AddressField.BankGroup: group = (int)value; break;
                case AddressField.Bank: bank = (int)value; break;
                case AddressField.Row: row = value; break;
                case AddressField.Column: break;
            }
        }

        return new DramLocation(channel, group, bank, row);
    }

    private static int Log2(int value, string what) =>
        value > 0 && BitOperations.IsPow2(value)
            ? BitOperations.Log2((uint)value)
            : throw new ArgumentException($"DRAM {what} must be a power of two, got {value}.");
}
