namespace QuantSim.Workloads.Onnx;

/// <summary>
/// ONNX tensor element types (the <c>TensorProto.DataType</c> numbers of onnx.proto) and the integer
/// width each quantized type stands for. The numbers are used directly: the int4 and int2 types are
/// newer than the onnx.proto OnnxSharp was generated from.
/// </summary>
internal static class OnnxElementType
{
    public const int Float = 1;
    public const int Uint8 = 2;
    public const int Int8 = 3;
    public const int Uint16 = 4;
    public const int Int16 = 5;
    public const int Int32 = 6;
    public const int Int64 = 7;
    public const int Bool = 9;
    public const int Uint32 = 12;
    public const int Uint4 = 21;
    public const int Int4 = 22;
    public const int Uint2 = 25;
    public const int Int2 = 26;

    /// <summary>Bits of an integer element type a quantized tensor can have, or null for float and other types.</summary>
    public static int? IntegerBits(int type) => type switch
    {
        Uint8 or Int8 => 8,
        Uint16 or Int16 => 16,
        Int32 or Uint32 => 32,
        Uint4 or Int4 => 4,
        Uint2 or Int2 => 2,
        _ => null,
    };

    public static bool IsSigned(int type) => type is Int8 or Int16 or Int32 or Int4 or Int2;

    public static string Name(int type) => type switch
    {
        Float => "float",
        Uint8 => "uint8",
        Int8 => "int8",
        Uint16 => "uint16",
        Int16 => "int16",
        Int32 => "int32",
        Int64 => "int64",
        Bool => "bool",
        Uint32 => "uint32",
        Uint4 => "uint4",
        Int4 => "int4",
        Uint2 => "uint2",
        Int2 => "int2",
        10 => "float16",
        11 => "double",
        16 => "bfloat16",
        >= 17 and <= 20 => "float8",
        23 => "float4",
        _ => $"type {type}",
    };
}
