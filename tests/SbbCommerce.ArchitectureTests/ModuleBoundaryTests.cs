using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace SbbCommerce.ArchitectureTests;

/// <summary>
/// A module touches another only through that module's Contracts namespace; Common names no module internals;
/// only Contracts are public; entity configurations are internal.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string ModulesRoot = "SbbCommerce.Api.Modules";
    private static readonly Assembly Api = typeof(Program).Assembly;

    public static TheoryData<string> Modules() =>
        new(["Identity", "Catalog", "Cart", "Orders", "Payments", "Fulfillment", "Events", "Integration"]);

    [Fact]
    public void Given_the_api_assembly_Then_every_module_of_the_design_exists_with_its_data()
    {
        var namespaces = Api.GetTypes().Select(type => type.Namespace).ToHashSet();
        foreach (var module in Modules())
        {
            Assert.Contains($"{ModulesRoot}.{module}", namespaces);
            Assert.Contains($"{ModulesRoot}.{module}.Data", namespaces);
        }
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Given_a_module_Then_it_depends_on_no_other_module_internals(string module)
    {
        var forbidden = InternalTypesOfOtherModules(module);

        var result = Types.InAssembly(Api)
            .That().ResideInNamespace($"{ModulesRoot}.{module}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{module} reaches into other modules: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Given_common_Then_it_depends_on_module_contracts_only()
    {
        var forbidden = InternalTypesOfOtherModules(module: null);

        var result = Types.InAssembly(Api)
            .That().ResideInNamespace("SbbCommerce.Api.Common")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Common reaches into modules: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Given_module_types_outside_contracts_Then_none_is_public()
    {
        var publicInternals = Api.GetTypes()
            .Where(type => type.IsPublic || type.IsNestedPublic)
            .Where(type => type.Namespace?.StartsWith(ModulesRoot + ".", StringComparison.Ordinal) == true)
            .Where(type => !type.Namespace!.Contains(".Contracts", StringComparison.Ordinal))
            .Select(type => type.FullName)
            .ToList();

        Assert.True(publicInternals.Count == 0, "Public outside Contracts: " + string.Join(", ", publicInternals));
    }

    [Fact]
    public void Given_entity_configurations_Then_they_are_internal_sealed()
    {
        var result = Types.InAssembly(Api)
            .That().ImplementInterface(typeof(IEntityTypeConfiguration<>))
            .Should().NotBePublic().And().BeSealed()
            .GetResult();

        Assert.True(result.IsSuccessful, "Public or unsealed configurations: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Given_entities_Then_no_property_points_at_another_module()
    {
        var offenders = new List<string>();
        foreach (var entity in Api.GetTypes().Where(type => type.Namespace?.StartsWith(ModulesRoot, StringComparison.Ordinal) == true
                     && type.Namespace.EndsWith(".Data", StringComparison.Ordinal)))
        {
            var owner = ModuleOf(entity)!;
            foreach (var property in entity.GetProperties())
            {
                var target = ElementType(property.PropertyType);
                var targetModule = ModuleOf(target);
                if (targetModule is not null && targetModule != owner && target.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) != true)
                {
                    offenders.Add($"{entity.Name}.{property.Name} -> {target.FullName}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Cross-module navigations: " + string.Join(", ", offenders));
    }

    private static string[] InternalTypesOfOtherModules(string? module) => Api.GetTypes()
        .Where(type => ModuleOf(type) is { } owner && owner != module)
        .Where(type => !type.Namespace!.Contains(".Contracts", StringComparison.Ordinal))
        .Select(type => type.FullName!)
        .Where(name => !name.Contains('<', StringComparison.Ordinal))
        .ToArray();

    private static string? ModuleOf(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(ModulesRoot + ".", StringComparison.Ordinal))
        {
            return null;
        }

        return ns[(ModulesRoot.Length + 1)..].Split('.')[0];
    }

    private static Type ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType()!;
        }

        return type.IsGenericType ? type.GetGenericArguments().Last() : type;
    }
}
