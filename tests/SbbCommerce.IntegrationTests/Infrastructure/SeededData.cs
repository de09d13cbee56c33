namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>Ids of rows the development seeds put in every test database (db/seeds, UUID scheme in each file).</summary>
public static class SeededData
{
    public static readonly Guid AdminId = Guid.Parse("00000000-0000-4000-8000-000000010001");
    public static readonly Guid CustomerId = Guid.Parse("00000000-0000-4000-8000-000000010002");
    public const string AdminEmail = "admin@sbb.local";
    public const string CustomerEmail = "customer@sbb.local";
    public static readonly Guid BpcProductId = Guid.Parse("00000000-0000-4000-8000-000000020001");
    public const string BpcProductSlug = "bpc-157-5mg";
    public static readonly Guid ZelleMethodId = Guid.Parse("00000000-0000-4000-8000-000000001001");
}
