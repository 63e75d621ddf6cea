"""The waste categories of DESIGN §4. Codes are stable: imports, exports and the API use them.

`seed_categories(model)` takes the model class so the data migration can pass its
historical model; it creates what is missing and never overwrites an organiser's edits.
"""

from decimal import Decimal

# code, parent code, Vietnamese name, English name, low-value plastic, measured by, typical item g, hazardous
CATEGORIES = [
    (
        "organic",
        None,
        "Rác hữu cơ (thức ăn thừa, lá cây)",
        "Organic waste (food scraps, leaves)",
        False,
        "weight",
        None,
        False,
    ),
    ("recyclable", None, "Rác tái chế", "Recyclables", False, "weight", None, False),
    ("paper", "recyclable", "Giấy, bìa", "Paper and cardboard", False, "weight", None, False),
    ("milk_carton", "recyclable", "Vỏ hộp sữa giấy", "Milk cartons", False, "both", "10", False),
    ("paper_cup", "recyclable", "Cốc giấy", "Paper cups", False, "both", "8", False),
    ("pet_bottle", "recyclable", "Chai nhựa PET", "PET bottles", False, "both", "20", False),
    ("rigid_plastic", "recyclable", "Nhựa cứng khác", "Other rigid plastic", False, "weight", None, False),
    ("metal_can", "recyclable", "Lon kim loại", "Metal cans", False, "both", "15", False),
    ("glass", "recyclable", "Thủy tinh", "Glass", False, "weight", None, False),
    ("low_value_plastic", None, "Nhựa giá trị thấp", "Low-value plastic", True, "both", None, False),
    ("lvp_nylon_bag", "low_value_plastic", "Túi ni lông", "Plastic bags", True, "both", "4", False),
    ("lvp_foam", "low_value_plastic", "Hộp, cốc xốp", "Foam boxes and cups", True, "both", "8", False),
    (
        "lvp_wrapper",
        "low_value_plastic",
        "Vỏ bánh kẹo, bao bì mềm",
        "Snack and sweet wrappers",
        True,
        "both",
        "2",
        False,
    ),
    (
        "lvp_cup_lid",
        "low_value_plastic",
        "Cốc, nắp nhựa dùng một lần",
        "Single-use plastic cups and lids",
        True,
        "both",
        "5",
        False,
    ),
    ("lvp_straw", "low_value_plastic", "Ống hút nhựa", "Plastic straws", True, "both", "0.5", False),
    ("lvp_cutlery", "low_value_plastic", "Thìa, dĩa nhựa", "Plastic cutlery", True, "both", "3", False),
    ("lvp_sachet", "low_value_plastic", "Gói nhựa nhỏ (gia vị, tương)", "Sachets", True, "both", "1", False),
    ("residual", None, "Rác còn lại", "Residual waste", False, "weight", None, False),
    ("hazardous", None, "Rác nguy hại", "Hazardous waste", False, "count", None, True),
    ("battery", "hazardous", "Pin", "Batteries", False, "count", "25", True),
]


def seed_categories(model) -> int:
    """Create the missing categories (by code) in the table's order; returns how many were made."""
    existing = {c.code: c for c in model.objects.all()}
    created = 0
    for order, (code, parent, vi, en, lvp, measured_by, item_g, hazardous) in enumerate(CATEGORIES, start=1):
        if code in existing:
            continue
        existing[code] = model.objects.create(
            code=code,
            parent=existing.get(parent) if parent else None,
            name_vi=vi,
            name_en=en,
            is_low_value_plastic=lvp,
            measured_by=measured_by,
            typical_item_mass_g=Decimal(item_g) if item_g else None,
            is_hazardous=hazardous,
            sort_order=order * 10,
        )
        created += 1
    return created
