using System.Text.Json;
using System.Text.Json.Serialization;
using SbbCommerce.Bench.Scenarios.Baseline;

namespace SbbCommerce.Bench.Reporting;

/// <summary>Source-generated JSON for the result file and the baseline endpoint (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BenchReport))]
[JsonSerializable(typeof(PaymentMethodRow))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
