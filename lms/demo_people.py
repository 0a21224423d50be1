"""The demo ward, its residential groups, and one account for every role."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction

from .models import LearnerProfile, ResidentialGroup, TargetGroup, User, Ward
from .roles import Role

DEMO_PASSWORD = "hocvuso-demo-2026"  # noqa: S105 - printed on purpose: a demo site's shared password

WARD = {"code": "00004", "name": "Phường Ba Đình", "province": "Thành phố Hà Nội"}
RESIDENTIAL_GROUPS = [f"Tổ dân phố số {number}" for number in range(1, 7)]

# (email, role, full name, target group, date of birth, residential group index, organisation)
PEOPLE = [
    (
        "bientap@demo.hocvuso.vn",
        Role.EDITOR,
        "Nguyễn Thu Hà",
        TargetGroup.CIVIL_SERVANT,
        datetime.date(1990, 4, 12),
        0,
        "UBND phường Ba Đình",
    ),
    (
        "giamkhao@demo.hocvuso.vn",
        Role.EXAMINER,
        "Trần Văn Minh",
        TargetGroup.CIVIL_SERVANT,
        datetime.date(1985, 9, 2),
        1,
        "Trung tâm học tập cộng đồng phường Ba Đình",
    ),
    (
        "quantri@demo.hocvuso.vn",
        Role.WARD_ADMIN,
        "Lê Thị Lan",
        TargetGroup.CIVIL_SERVANT,
        datetime.date(1982, 1, 20),
        0,
        "UBND phường Ba Đình",
    ),
    (
        "huongdan@demo.hocvuso.vn",
        Role.MENTOR,
        "Phạm Quốc Bảo",
        TargetGroup.PUPIL_STUDENT,
        datetime.date(2005, 6, 15),
        2,
        "Đoàn Thanh niên phường Ba Đình",
    ),
    ("hocvien@demo.hocvuso.vn", Role.LEARNER, "Hoàng Thị Mai", TargetGroup.CITIZEN, datetime.date(1958, 3, 8), 3, ""),
    (
        "0912345678",
        Role.LEARNER,
        "Đỗ Văn Hùng",
        TargetGroup.ENTERPRISE_WORKER,
        datetime.date(1994, 11, 30),
        4,
        "Công ty TNHH May Thăng Long",
    ),
    (
        "hocsinh@demo.hocvuso.vn",
        Role.LEARNER,
        "Vũ Ngọc Anh",
        TargetGroup.PUPIL_STUDENT,
        datetime.date(2011, 10, 10),
        5,
        "Trường THCS Phan Chu Trinh",
    ),
]
SUPERUSER = ("admin@demo.hocvuso.vn", "Quản trị hệ thống")


@transaction.atomic
def build_people(context) -> None:
    ward, _created = Ward.objects.update_or_create(code=WARD["code"], defaults=WARD)
    groups = [ResidentialGroup.objects.get_or_create(ward=ward, name=name)[0] for name in RESIDENTIAL_GROUPS]
    context.objects["ward"] = ward

    admin_email, admin_name = SUPERUSER
    admin = _account(admin_email, admin_name)
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    context.logins.append(("Quản trị hệ thống", admin_email, DEMO_PASSWORD))

    for identifier, role, name, target_group, born, group_index, organisation in PEOPLE:
        user = _account(identifier, name)
        user.groups.add(Group.objects.get(name=role))
        LearnerProfile.objects.update_or_create(
            user=user,
            defaults={
                "full_name": name,
                "date_of_birth": born,
                "target_group": target_group,
                "ward": ward,
                "residential_group": groups[group_index],
                "organisation": organisation,
            },
        )
        context.objects[f"user:{identifier}"] = user
        context.logins.append((role.value, identifier, DEMO_PASSWORD))
    context.log(f"  {len(PEOPLE) + 1} accounts in {ward.name} ({len(groups)} residential groups)")


def _account(identifier: str, full_name: str) -> User:
    lookup = {"email": identifier} if "@" in identifier else {"phone": identifier}
    user = User.objects.filter(**lookup).first()
    if user is None:
        user = User(**lookup, first_name=full_name)
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user
