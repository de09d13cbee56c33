namespace SbbCommerce.Api.Modules.Integration.Erp;

/// <summary><c>Erp:Propello:*</c>: the Epicor Propello adapter. Without a BaseUrl, ERP messages wait as <c>pending</c>.</summary>
internal sealed class PropelloOptions
{
    public const string Section = "Erp:Propello";

    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    public string? StoreId { get; set; }

    /// <summary>Per call; a slower answer is a transient failure the drain retries later.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Calls one drain loop makes at once (different entities only: one entity's messages go in order).</summary>
    public int Parallelism { get; set; } = 64;

    public PropelloPaths Paths { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}

/// <summary><c>Erp:Propello:Paths:*</c>: the adapter's default paths; <c>{id}</c> and <c>{sku}</c> are filled in.</summary>
internal sealed class PropelloPaths
{
    public string Authenticate { get; set; } = "/authenticate";

    public string Customer { get; set; } = "/customers/{id}";

    public string Item { get; set; } = "/items/{sku}";

    public string Items { get; set; } = "/items";

    public string SalesOrders { get; set; } = "/sales_orders";

    public string Payments { get; set; } = "/payments";

    public string Shipments { get; set; } = "/shipments";

    public string CreditMemos { get; set; } = "/credit_memos";
}
