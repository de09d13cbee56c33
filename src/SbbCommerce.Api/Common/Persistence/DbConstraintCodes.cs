using System.Collections.Frozen;

namespace SbbCommerce.Api.Common.Persistence;

/// <summary>One constraint of a module's tables and the API code a change that breaks it is answered with.</summary>
/// <param name="Constraint">The constraint's name in the schema.</param>
/// <param name="Code">The problem code (API.md).</param>
internal sealed record DbConstraintCode(string Constraint, string Code);

/// <summary>
/// The codes of the constraints the modules registered (<see cref="DbConstraintCodesRegistration.AddDbConstraintCodes"/>):
/// Common answers a refused change without knowing any module's schema.
/// </summary>
internal sealed class DbConstraintCodes(IEnumerable<DbConstraintCode> registered)
{
    /// <summary>The code of a constraint nobody registered.</summary>
    public const string ConstraintViolated = "constraint_violated";

    private readonly FrozenDictionary<string, string> _codes =
        registered.ToFrozenDictionary(c => c.Constraint, c => c.Code, StringComparer.Ordinal);

    public string CodeOf(string? constraint) =>
        constraint is not null && _codes.TryGetValue(constraint, out var code) ? code : ConstraintViolated;
}

internal static class DbConstraintCodesRegistration
{
    /// <summary>Registers the codes of the calling module's constraints (each name once in the whole host).</summary>
    public static IServiceCollection AddDbConstraintCodes(this IServiceCollection services, params DbConstraintCode[] codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes)
        {
            services.AddSingleton(code);
        }

        return services;
    }
}
