using Waymark.Core.Model;

namespace Waymark.Core.Journeys;

/// <summary>Which side of the relationship an <see cref="Owner"/> is on.</summary>
public enum OwnerSide
{
    /// <summary>The customer: the account as a whole, or the people with one role in it.</summary>
    Customer,

    /// <summary>The vendor: as a whole, or one of its departments.</summary>
    Vendor,

    /// <summary>A partner of the vendor (a reseller, an implementation partner).</summary>
    Partner,
}

/// <summary>
/// Who is accountable for a milestone, a touchpoint or a task. Written <c>customer</c>,
/// <c>customer:ROLE</c> (such as <c>customer:champion</c>), <c>vendor</c>, a vendor department
/// (<see cref="JourneyNames.Departments"/>, such as <c>customer-success</c>) or <c>partner</c>.
/// Mutual plans hold both sides to their part.
/// </summary>
/// <param name="Side">The customer, the vendor or a partner.</param>
/// <param name="Department">The vendor department, or null for the vendor as a whole (and for the other sides).</param>
/// <param name="Role">The customer role, or null for the customer as a whole (and for the other sides).</param>
public sealed record Owner(OwnerSide Side, string? Department = null, Role? Role = null)
{
    /// <summary>The customer as a whole.</summary>
    public static Owner Customer { get; } = new(OwnerSide.Customer);

    /// <summary>The vendor as a whole.</summary>
    public static Owner Vendor { get; } = new(OwnerSide.Vendor);

    /// <summary>Reads the written form; false when it is none of the forms above.</summary>
    public static bool TryParse(string text, out Owner owner)
    {
        ArgumentNullException.ThrowIfNull(text);
        owner = Customer;
        switch (text)
        {
            case "customer":
                return true;
            case "vendor":
                owner = Vendor;
                return true;
            case "partner":
                owner = new Owner(OwnerSide.Partner);
                return true;
        }

        if (text.StartsWith("customer:", StringComparison.Ordinal))
        {
            var role = text["customer:".Length..];
            if (Names.Roles.Contains(role) && Names.TryParseRole(role, out var parsed))
            {
                owner = new Owner(OwnerSide.Customer, Role: parsed);
                return true;
            }

            return false;
        }

        if (JourneyNames.IndexOf(JourneyNames.Departments, text) >= 0)
        {
            owner = new Owner(OwnerSide.Vendor, Department: text);
            return true;
        }

        return false;
    }

    /// <summary>The written form, as <see cref="TryParse"/> reads it.</summary>
    public override string ToString() => Side switch
    {
        OwnerSide.Customer => Role is { } role ? $"customer:{Names.Of(role)}" : "customer",
        OwnerSide.Vendor => Department ?? "vendor",
        _ => "partner",
    };
}
