using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// One layer's <see cref="ScaleSimDemand"/> matrices, fold by fold, written straight into a reused
/// buffer: the same rows as <see cref="ScaleSimDemand.Build"/> (the table there), with the address
/// arithmetic hoisted out of the inner loops (<see cref="IfmapAddressTable"/>; filter and ofmap
/// addresses are linear in both indices). The emulation streams every address of a layer through
/// here, so this is the form it runs; <see cref="ScaleSimDemand.Build"/> stays the readable reference
/// the tests compare it with.
/// </summary>
internal sealed class ScaleSimFoldDemand
{
    private readonly ArrayMapping map;
    private readonly ScaleSimAddressing a;
    private readonly IfmapAddressTable ifmap;

    public ScaleSimFoldDemand(ArrayMapping mapping, ScaleSimAddressing address)
    {
        if (mapping.Problem.Groups != 1)
        {
            throw new ArgumentException("SCALE-Sim demand matrices exist for ungrouped layers only.", nameof(mapping));
        }

        map = mapping;
        a = address;
        ifmap = new IfmapAddressTable(address, mapping.Problem.M, mapping.Problem.K);
    }

    /// <summary>Ports (columns) of an operand's demand matrix.</summary>
    public int Ports(ScaleSimOperand operand) => ScaleSimDemand.PortCount(map, operand);

    /// <summary>
    /// Fold <paramref name="fold"/> of <paramref name="operand"/>'s demand matrix, row-major into
    /// <paramref name="buffer"/> (<see cref="ScaleSimTiming.FoldRows"/> x <see cref="Ports"/>, -1 = idle).
    /// </summary>
    public void Fill(Fold fold, ScaleSimOperand operand, int[] buffer)
    {
        Array.Fill(buffer, -1);
        int ports = Ports(operand);
        int r = map.Rows, t = map.T;
        int ru = fold.UsedRows, cu = fold.UsedCols, o0 = fold.RowOffset, c0 = fold.ColOffset;
        int window = a.WindowSize, filterBase = a.FilterOffset, ofmapBase = a.OfmapOffset, filters = a.Filters;

        // Element (time x, port p) of a skewed stream lands on row first + x + p, i.e. index
        // (first + p) * ports + p + x * ports: each port walks down its column one row per step.
        switch (map.Dataflow, operand)
        {
            case (Dataflow.OutputStationary, ScaleSimOperand.Ifmap):
                for (int i = 0; i < ru; i++)
                {
                    int at = (i * ports) + i;
                    for (int k = 0; k < t; k++, at += ports)
                    {
                        buffer[at] = ifmap.At(o0 + i, k);
                    }
                }

                break;
            case (Dataflow.OutputStationary, ScaleSimOperand.Filter):
                for (int j = 0; j < cu; j++)
                {
                    int at = (j * ports) + j, addr = filterBase + ((c0 + j) * window);
                    for (int k = 0; k < t; k++, at += ports)
                    {
                        buffer[at] = addr + k;
                    }
                }

                break;
            case (Dataflow.OutputStationary, ScaleSimOperand.Ofmap):
                for (int q = r - ru; q < r; q++)
                {
                    int m = o0 + r - 1 - q;
                    int at = ((t - 1 + q) * ports), addr = ofmapBase + (m * filters) + c0;
                    for (int j = 0; j < cu; j++)
                    {
                        buffer[at + (j * ports) + j] = addr + j;
                    }
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Filter):
                for (int q = r - ru; q < r; q++)
                {
                    int k = o0 + r - 1 - q;
                    int at = q * ports;
                    for (int j = 0; j < cu; j++)
                    {
                        buffer[at + j] = filterBase + ((c0 + j) * window) + k;
                    }
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Ifmap):
                for (int i = 0; i < ru; i++)
                {
                    int at = ((r + i) * ports) + i;
                    for (int m = 0; m < t; m++, at += ports)
                    {
                        buffer[at] = ifmap.At(m, o0 + i);
                    }
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Ofmap):
                for (int j = 0; j < cu; j++)
                {
                    int at = ((2 * r) - 1 + j) * ports + j, addr = ofmapBase + c0 + j;
                    for (int m = 0; m < t; m++, at += ports, addr += filters)
                    {
                        buffer[at] = addr;
                    }
                }

                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Ifmap):
                for (int q = r - ru; q < r; q++)
                {
                    int k = o0 + r - 1 - q;
                    int at = q * ports;
                    for (int j = 0; j < cu; j++)
                    {
                        buffer[at + j] = ifmap.At(c0 + j, k);
                    }
                }

                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Filter):
                for (int i = 0; i < ru; i++)
                {
                    int at = ((r + i) * ports) + i, addr = filterBase + o0 + i;
                    for (int n = 0; n < t; n++, at += ports, addr += window)
                    {
                        buffer[at] = addr;
                    }
                }

                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Ofmap):
                for (int j = 0; j < cu; j++)
                {
                    int at = ((2 * r) - 1 + j) * ports + j, addr = ofmapBase + ((c0 + j) * filters);
                    for (int n = 0; n < t; n++, at += ports)
                    {
                        buffer[at] = addr + n;
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operand), operand, "Unknown operand.");
        }
    }
}
