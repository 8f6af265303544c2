-- The slot search looks technicians up by list (technician_id = any(?)), which GiST indexes cannot
-- serve: plain B-tree indexes let it avoid scanning every appointment and absence.
create index appointment_by_technician on appointment (technician_id, upper(during));
create index absence_by_technician_id on absence (technician_id);
