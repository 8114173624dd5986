namespace QuantSim.Datapaths.Hardware;

/// <summary>One printable line of an inventory (for <c>quantsim list datapaths --detail</c>).</summary>
public sealed record InventoryRow(string Section, string Item, string Width, string Count, string Note);
