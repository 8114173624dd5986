namespace QuantSim.Simulator.Dram;

/// <summary>
/// A bank / row-buffer DRAM timing model with JEDEC constraints, one burst at a time, in order
/// (first come, first served; no request reordering). Per burst, in DRAM clocks:
/// <code>
///   hit      (row open):           CAS ─CL─► data (BL/2)
///   miss     (bank closed):  ACT ─tRCD─► CAS ─CL─► data
///   conflict (other row):    PRE ─tRP─► ACT ─tRCD─► CAS ─CL─► data      PRE ≥ ACT + tRAS, ≥ write data end + tWR
/// </code>
/// ACTs respect tRRD_S/tRRD_L and tFAW (at most four per window) per channel; CASes respect
/// tCCD_S/tCCD_L; a CAS is delayed until the channel's data bus is free when its data would arrive.
/// Writes use CWL instead of CL. All-bank refresh: when a request finds a refresh due (every tREFI),
/// the channel's open banks are precharged and the refresh holds it for tRFC; refreshes that fall
/// due while the channel idles happen at their due time. Command-bus conflicts (one command per
/// clock) are not modelled.
/// </summary>
public sealed class BankTimingDramModel : IDramModel
{
    private readonly DramTimingParameters _p;
    private readonly DramClock _clock;
    private readonly DramAddressDecoder _decoder;
    private readonly Bank[] _banks;
    private readonly ChannelState[] _channels;
    private readonly Run[] _runs;
    // Row blocks: aligned groups of bursts that share every address field above the column (bank, row, and the
    // channel unless it sits below the column), or 0 when the mapping puts a bank field below the column. Within a
    // block each channel's bursts go to one row, so once every channel has had a burst of the block in a transfer,
    // the block's remaining bursts are all row hits of their channel's run and are counted in one step.
    private readonly long _blockBursts;
    private readonly int _channelsInBlock;
    private long _hits, _misses, _conflicts, _refreshes, _bursts;
    private long _requestedRead, _requestedWritten, _movedRead, _movedWritten;

    public BankTimingDramModel(DramTimingParameters parameters, DramClock clock)
    {
        _p = parameters;
        _clock = clock;
        _decoder = new DramAddressDecoder(parameters);
        _banks = Enumerable.Range(0, parameters.Channels * parameters.Banks).Select(_ => new Bank()).ToArray();
        _channels = Enumerable.Range(0, parameters.Channels).Select(_ => new ChannelState(parameters)).ToArray();
        _runs = Enumerable.Repeat(Run.None, parameters.Channels).ToArray();
        var belowColumn = parameters.AddressMapping.SkipWhile(f => f != AddressField.Column).Skip(1).ToList();
        bool channelBelow = belowColumn.Contains(AddressField.Channel);
        if (belowColumn.All(f => f == AddressField.Channel))
        {
            _channelsInBlock = channelBelow ? parameters.Channels : 1;
            _blockBursts = (long)(parameters.RowBytes / parameters.BurstBytes) * _channelsInBlock;
        }
    }

    public DramStatistics Statistics => new(
        _requestedRead, _requestedWritten, _movedRead, _movedWritten, _bursts, _hits, _misses, _conflicts, _refreshes);

    /// <summary>
    /// All bursts of one transfer are ready at the same clock, in address order. Channels share no state,
    /// so each channel's bursts can be timed apart from the others'. Within a channel, a burst to the row
    /// its previous burst opened or hit (same bank, open page) is a row hit whose timing follows from the
    /// previous burst alone: it finds no refresh due (the clock did not move since the channel's first
    /// burst of the transfer), and its CAS waits exactly d = max(tCCD_S, tCCD_L, burst clocks) after the
    /// previous one (the same bank group's tCCD and the data bus). Such runs are counted and timed in
    /// one step (<see cref="FinishRun"/>); every other burst goes through <see cref="Burst"/>. The result
    /// is the one <see cref="Burst"/> gives burst by burst (tested), at a fraction of the cost on the
    /// long sequential streams a layer's DMA issues.
    /// </summary>
    public long Transfer(long readyCycle, long address, long bytes, DramDirection direction)
    {
        var (first, count) = BurstSpan.Of(address, bytes, _p.BurstBytes);
        long ready = _clock.ToDram(readyCycle);
        long end = ready;
        bool runs = _p.PagePolicy == PagePolicy.Open;
        for (long burst = first; burst < first + count; burst++)
        {
            var a = _decoder.Decode(burst * _p.BurstBytes);
            int bank = BankIndex(a);
            if (runs)
            {
                ref var run = ref _runs[a.Channel];
                if (run.Hits >= 0 && run.Bank == bank && run.Row == a.Row)
                {
                    long blockStart = _blockBursts > 0 ? burst - (burst % _blockBursts) : burst;
                    if (_blockBursts > 0 && burst >= Math.Max(first, blockStart) + _channelsInBlock)
                    {
                        long blockEnd = Math.Min(first + count, blockStart + _blockBursts);
                        CountHits(burst, blockEnd, a.Channel);
                        burst = blockEnd - 1;
                        continue;
                    }

                    run.Hits++;
                    continue;
                }

                end = Math.Max(end, FinishRun(a.Channel, direction));
                run = new Run(bank, a.BankGroup, a.Row, 0);
            }

            end = Math.Max(end, Issue(ready, a, bank, direction));
        }

        if (runs)
        {
            for (int c = 0; c < _runs.Length; c++)
            {
                end = Math.Max(end, FinishRun(c, direction));
            }
        }

        bool read = direction == DramDirection.Read;
        long moved = count * _p.BurstBytes;
        _requestedRead += read ? bytes : 0;
        _requestedWritten += read ? 0 : bytes;
        _movedRead += read ? moved : 0;
        _movedWritten += read ? 0 : moved;
        _bursts += count;
        return _clock.ToAccelerator(end);
    }

    /// <summary>
    /// Adds bursts <paramref name="from"/>..<paramref name="to"/> − 1 of one row block to their channels' open runs:
    /// with the channel below the column, burst x is on channel x mod channels; otherwise all are on
    /// <paramref name="channel"/>.
    /// </summary>
    private void CountHits(long from, long to, int channel)
    {
        int channels = _channelsInBlock;
        if (channels == 1)
        {
            _runs[channel].Hits += to - from;
            return;
        }

        for (int c = 0; c < channels; c++)
        {
            // Bursts x < n with x mod channels == c: ceil((n - c) / channels).
            _runs[c].Hits += ((to - c + channels - 1) / channels) - ((from - c + channels - 1) / channels);
        }
    }

    /// <summary>
    /// Times the row hits that followed channel <paramref name="c"/>'s last burst through <see cref="Burst"/>
    /// and closes the run; returns the clock the last one's data ends (long.MinValue when there were none).
    /// The previous burst left the channel's last CAS and bus-free clock at its own; each hit moves both
    /// by d.
    /// </summary>
    private long FinishRun(int c, DramDirection direction)
    {
        var run = _runs[c];
        _runs[c] = Run.None;
        long hits = run.Hits;
        if (hits <= 0)
        {
            return long.MinValue;
        }

        var channel = _channels[c];
        long step = Math.Max(Math.Max(_p.TccdS, _p.TccdL), _p.BurstClocks) * hits;
        long dataEnd = channel.BusFreeAt + step;
        channel.RecordCas(channel.LastCas + step, run.Group);
        channel.BusFreeAt = dataEnd;
        var bank = _banks[run.Bank];
        bank.PreReadyAt = Math.Max(bank.PreReadyAt, direction == DramDirection.Write ? dataEnd + _p.Twr : dataEnd);
        _hits += hits;
        return dataEnd;
    }

    /// <summary>Issues one burst no earlier than <paramref name="t"/>; returns the clock its data ends.</summary>
    internal long Burst(long t, long address, DramDirection direction)
    {
        var a = _decoder.Decode(address);
        return Issue(t, a, BankIndex(a), direction);
    }

    private int BankIndex(DramLocation a) => (a.Channel * _p.BankGroups + a.BankGroup) * _p.BanksPerGroup + a.Bank;

    private long Issue(long t, DramLocation a, int bankIndex, DramDirection direction)
    {
        var channel = _channels[a.Channel];
        Refresh(channel, a.Channel, t);
        var bank = _banks[bankIndex];

        long cas;
        if (bank.OpenRow == a.Row)
        {
            _hits++;
            cas = t;
        }
        else
        {
            long actEarliest;
            if (bank.OpenRow < 0)
            {
                _misses++;
                actEarliest = Math.Max(t, bank.ActReadyAt);
            }
            else
            {
                _conflicts++;
                long pre = Math.Max(t, bank.PreReadyAt);
                actEarliest = pre + _p.Trp;
            }

            long act = channel.EarliestAct(actEarliest, a.BankGroup);
            channel.RecordAct(act, a.BankGroup);
            bank.OpenRow = a.Row;
            bank.PreReadyAt = act + _p.Tras;
            cas = act + _p.Trcd;
        }

        cas = Math.Max(cas, channel.EarliestCas(a.BankGroup));
        int latency = direction == DramDirection.Read ? _p.Cl : _p.Cwl;
        long dataStart = Math.Max(cas + latency, channel.BusFreeAt);
        cas = dataStart - latency;
        long dataEnd = dataStart + _p.BurstClocks;
        channel.RecordCas(cas, a.BankGroup);
        channel.BusFreeAt = dataEnd;
        bank.PreReadyAt = Math.Max(bank.PreReadyAt, direction == DramDirection.Write ? dataEnd + _p.Twr : dataEnd);

        if (_p.PagePolicy == PagePolicy.Closed)
        {
            // Auto-precharge: the bank closes as soon as it may.
            bank.ActReadyAt = bank.PreReadyAt + _p.Trp;
            bank.OpenRow = -1;
        }

        return dataEnd;
    }

    private void Refresh(ChannelState channel, int channelIndex, long t)
    {
        while (t >= channel.NextRefreshAt)
        {
            long begin = channel.NextRefreshAt;
            for (int b = 0; b < _p.Banks; b++)
            {
                var bank = _banks[channelIndex * _p.Banks + b];
                if (bank.OpenRow >= 0)
                {
                    begin = Math.Max(begin, bank.PreReadyAt + _p.Trp);
                }
            }

            begin = Math.Max(begin, channel.BusFreeAt);
            long end = begin + _p.Trfc;
            for (int b = 0; b < _p.Banks; b++)
            {
                var bank = _banks[channelIndex * _p.Banks + b];
                bank.OpenRow = -1;
                bank.ActReadyAt = Math.Max(bank.ActReadyAt, end);
            }

            channel.NextRefreshAt += _p.Trefi;
            _refreshes++;
        }
    }

    /// <summary>
    /// A channel's open run: the bank, group and row its last <see cref="Burst"/> went to, and how many row
    /// hits to them have followed it untimed so far (-1: no run).
    /// </summary>
    private record struct Run(int Bank, int Group, long Row, long Hits)
    {
        public static readonly Run None = new(-1, -1, -1, -1);
    }

    private sealed class Bank
    {
        public long OpenRow { get; set; } = -1;

        public long ActReadyAt { get; set; }

        public long PreReadyAt { get; set; }
    }

    private sealed class ChannelState(DramTimingParameters p)
    {
        private readonly long[] _lastActInGroup = Enumerable.Repeat(long.MinValue / 2, p.BankGroups).ToArray();
        private readonly long[] _lastCasInGroup = Enumerable.Repeat(long.MinValue / 2, p.BankGroups).ToArray();
        private readonly Queue<long> _recentActs = new();
        private long _lastAct = long.MinValue / 2;
        private long _lastCas = long.MinValue / 2;

        public long LastCas => _lastCas;

        public long BusFreeAt { get; set; }

        public long NextRefreshAt { get; set; } = p.Trefi;

        public long EarliestAct(long t, int group)
        {
            long act = Math.Max(t, Math.Max(_lastAct + p.TrrdS, _lastActInGroup[group] + p.TrrdL));
            return _recentActs.Count == 4 ? Math.Max(act, _recentActs.Peek() + p.Tfaw) : act;
        }

        public void RecordAct(long act, int group)
        {
            _lastAct = Math.Max(_lastAct, act);
            _lastActInGroup[group] = Math.Max(_lastActInGroup[group], act);
            _recentActs.Enqueue(act);
            if (_recentActs.Count > 4)
            {
                _recentActs.Dequeue();
            }
        }

        public long EarliestCas(int group) => Math.Max(_lastCas + p.TccdS, _lastCasInGroup[group] + p.TccdL);

        public void RecordCas(long cas, int group)
        {
            _lastCas = Math.Max(_lastCas, cas);
            _lastCasInGroup[group] = Math.Max(_lastCasInGroup[group], cas);
        }
    }
}
