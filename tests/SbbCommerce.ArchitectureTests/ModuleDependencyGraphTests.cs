using System.Reflection;
using NetArchTest.Rules;

namespace SbbCommerce.ArchitectureTests;

/// <summary>
/// The allowed module dependency graph (ADR 0012): which module's code may name which other module (always through its
/// Contracts, <see cref="ModuleBoundaryTests"/>). A new edge is a design decision: add it here and to the ADR, with why.
/// </summary>
public sealed class ModuleDependencyGraphTests
{
    private const string ModulesRoot = "SbbCommerce.Api.Modules";
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static readonly string[] Modules = ["Identity", "Catalog", "Cart", "Orders", "Payments", "Fulfillment", "Events", "Integration"];

    /// <summary>Who may depend on whom. Keep in step with docs/adr/0012-module-dependency-graph.md.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Common"] = ["Identity", "Catalog", "Orders", "Payments", "Fulfillment"], // the database enums and the audit actor only
        ["Identity"] = ["Events", "Integration"],
        ["Catalog"] = ["Integration"],
        ["Cart"] = ["Identity", "Catalog", "Orders", "Fulfillment", "Events"],
        ["Orders"] = ["Identity", "Catalog", "Cart", "Payments", "Fulfillment", "Events", "Integration"],
        ["Payments"] = ["Identity", "Orders", "Events", "Integration"],
        ["Fulfillment"] = ["Identity", "Catalog", "Orders", "Events", "Integration"],
        ["Events"] = ["Identity", "Catalog", "Orders"],
        ["Integration"] = ["Identity", "Catalog"],
    };

    public static TheoryData<string> Sources() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Sources))]
    public void Given_a_module_Then_it_depends_only_on_the_modules_the_graph_allows(string source)
    {
        var unexpected = Modules
            .Where(target => target != source && !Allowed[source].Contains(target))
            .Where(target => DependsOn(source, target))
            .ToList();

        Assert.True(unexpected.Count == 0,
            $"{source} depends on {string.Join(", ", unexpected)}, outside the graph of ADR 0012 (add the edge there and here, with why, or go through an allowed module)");
    }

    [Fact]
    public void Given_the_adr_Then_its_table_pins_the_same_graph()
    {
        var adr = File.ReadLines(Path.Combine(RepositoryFiles.Root, "docs", "adr", "0012-module-dependency-graph.md"))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| module", StringComparison.Ordinal) && !line.StartsWith("| ---", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => cells[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order().ToList());

        Assert.Equal(Allowed.Keys.Order(), adr.Keys.Order());
        foreach (var (module, targets) in Allowed)
        {
            Assert.Equal(targets.Order(), adr[module]);
        }
    }

    private static string NamespaceOf(string module) => module == "Common" ? "SbbCommerce.Api.Common" : $"{ModulesRoot}.{module}";

    private static bool DependsOn(string source, string target) =>
        !Types.InAssembly(Api)
            .That().ResideInNamespace(NamespaceOf(source))
            .ShouldNot().HaveDependencyOn(NamespaceOf(target))
            .GetResult()
            .IsSuccessful;
}
